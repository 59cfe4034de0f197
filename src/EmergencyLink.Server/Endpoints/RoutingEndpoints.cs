using System.Globalization;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>Routes and isochrones on the region's roads, for every signed-in user (crews navigate with them).</summary>
public static class RoutingEndpoints
{
    public const double MaxIsochroneMinutes = 60;

    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/route", RouteAsync).WithTags("Routing");
        app.MapGet("/api/isochrone", IsochroneAsync).WithTags("Routing");
        return app;
    }

    private static Results<Ok<RouteAnswer>, ValidationProblem, ProblemHttpResult> RouteAsync(string? from, string? to, RoadGraph graph)
    {
        var errors = new ValidationErrors();
        var start = Position(errors, "from", from);
        var end = Position(errors, "to", to);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (graph.Snap(start!.Value) is not { } a || graph.Snap(end!.Value) is not { } b)
        {
            return Problems.NotFound("This region has no roads.");
        }

        var route = graph.RouteBetween(a, b);
        return route is null
            ? Problems.NotFound("No road route joins these points.")
            : TypedResults.Ok(new RouteAnswer(route.Seconds, route.Meters, GeoJsonGeometry.Line(route.Path),
                [route.StartSnapMeters, route.EndSnapMeters]));
    }

    private static Results<Ok<IsochroneAnswer>, ValidationProblem, ProblemHttpResult> IsochroneAsync(
        double? lat, double? lon, double? minutes, RoadGraph graph)
    {
        var errors = new ValidationErrors();
        var at = errors.Location("point", lat, lon);
        if (minutes is null || !double.IsFinite(minutes.Value) || minutes is <= 0 or > MaxIsochroneMinutes)
        {
            errors.Add("minutes", string.Create(CultureInfo.InvariantCulture, $"minutes must be above 0 and at most {MaxIsochroneMinutes}."));
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (graph.Snap(at!.Value) is not { } start)
        {
            return Problems.NotFound("This region has no roads.");
        }

        var reached = graph.ReachableWithin(start, minutes!.Value * 60);
        return TypedResults.Ok(new IsochroneAnswer(minutes.Value, reached.Count - 1, GeoJsonGeometry.Polygon(Isochrone.Area(reached))));
    }

    /// <summary>"lat,lon" as the query string carries it.</summary>
    private static GeoPoint? Position(ValidationErrors errors, string field, string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 2 }
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            errors.Add(field, $"{field} must be 'lat,lon' in decimal degrees.");
            return null;
        }

        return errors.Location(field, lat, lon);
    }
}
