using EmergencyLink.Geo.Coverage;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Coverage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

public static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        var coverage = app.MapGroup("/api/coverage").WithTags("Coverage").RequireAuthorization(Policies.Dispatch);
        coverage.MapGet("/", MeasureAsync);
        coverage.MapGet("/moveups", MoveUpsAsync);
        return app;
    }

    private static async Task<Ok<CoverageReport>> MeasureAsync(CoverageService coverage) =>
        TypedResults.Ok(await coverage.MeasureAsync());

    private static async Task<Results<Ok<IReadOnlyList<MoveUp>>, ProblemHttpResult>> MoveUpsAsync(int? limit, CoverageService coverage)
    {
        if (limit is < 1 or > 50)
        {
            return Problems.BadRequest("limit must be between 1 and 50.");
        }

        return TypedResults.Ok(await coverage.MoveUpsAsync(limit ?? 3));
    }
}
