using EmergencyLink.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Api;

/// <summary>ProblemDetails answers. Every refusal says what was wrong and, for 409s, what is permitted now.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");

    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not valid");

    public static ProblemHttpResult Conflict(string detail, IReadOnlyList<string>? permitted) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            extensions: permitted is null ? null : new Dictionary<string, object?> { ["permittedTriggers"] = permitted });

    /// <summary>The refusal of a grain command as HTTP.</summary>
    public static ProblemHttpResult From<T>(CommandResult<T> result)
        where T : class => result.Status switch
    {
        CommandStatus.NotFound => NotFound(result.Error ?? "Not found."),
        CommandStatus.Conflict => Conflict(result.Error ?? "Conflict.", result.PermittedTriggers),
        CommandStatus.Invalid => BadRequest(result.Error ?? "Invalid request."),
        _ => throw new ArgumentException($"{result.Status} is not a refusal.", nameof(result)),
    };
}
