using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Grains;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Endpoints;

/// <summary>A case's telemetry record: continuity and latency per channel, and the archived ECG.</summary>
public static class TelemetryEndpoints
{
    /// <summary>One request returns at most a minute of 12-lead ECG (about 360,000 numbers as JSON).</summary>
    public static readonly TimeSpan MaxEcgSpan = TimeSpan.FromSeconds(60);

    private const int MaxScreenName = 64;
    private const int MaxScreenChannels = 16;

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Telemetry");
        incidents.MapGet("/{id}/telemetry", ReportAsync);
        incidents.MapGet("/{id}/ecg", EcgAsync);
        incidents.MapPost("/{id}/telemetry/screens", ReportScreenAsync);
        return app;
    }

    private static async Task<Results<Ok<TelemetryAnswer>, ProblemHttpResult>> ReportAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, ITelemetryArchive archive, IOptions<TelemetryOptions> options)
    {
        if (await ReadableAsync(id, user, grains) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(new TelemetryAnswer(id, await archive.ReportAsync(id, options.Value.LateAfter), await archive.ScreenReportsAsync(id)));
    }

    /// <summary>
    /// An ED screen (or a dispatcher's) reports what it saw of the case's stream: the last leg, server → screen, is
    /// one only the screen can time. The latest report per screen is kept and shown with the server's figures.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReportScreenAsync(
        string id, ScreenReportBody? body, ClaimsPrincipal user, IGrainFactory grains, ITelemetryArchive archive, TimeProvider time)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (!user.IsDispatchStaff() && !user.IsEdOf(incident.HospitalId))
        {
            return Problems.Forbidden($"Only the destination ED or dispatch report screens for incident {id}.");
        }

        if (body is null)
        {
            return Problems.BadRequest("A JSON body with screen and channels is required.");
        }

        var errors = new ValidationErrors();
        errors.Text("screen", body.Screen, required: true, MaxScreenName);
        if (body.Channels is null || body.Channels.Count is 0 or > MaxScreenChannels)
        {
            errors.Add("channels", $"channels must list 1 to {MaxScreenChannels} channels.");
        }

        var channels = new List<ScreenChannelReport>();
        for (var i = 0; i < (body.Channels?.Count ?? 0); i++)
        {
            var c = body.Channels![i];
            var field = $"channels[{i}]";
            double?[] figures = [c?.CaptureToScreenP50Ms, c?.CaptureToScreenP99Ms, c?.ServerToScreenP50Ms, c?.ServerToScreenP99Ms];
            if (c?.Channel is not { Length: > 0 and <= TelemetryRules.MaxChannelLength } channel)
            {
                errors.Add(field + ".channel", "channel is required (a channel id of the case).");
            }
            else if (c.Frames is not (>= 0 and <= long.MaxValue / 2) || figures.Any(f => f is not (>= 0 and <= 86_400_000)))
            {
                errors.Add(field, "frames and every latency (ms) are required, non-negative and at most a day.");
            }
            else
            {
                channels.Add(new ScreenChannelReport(channel, c.Frames.Value, figures[0]!.Value, figures[1]!.Value, figures[2]!.Value, figures[3]!.Value));
            }
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        await archive.StoreScreenReportAsync(id, new ScreenReport(body.Screen!.Trim(), user.Actor(), time.GetUtcNow(), channels));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<EcgAnswer>, ProblemHttpResult>> EcgAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, IGrainFactory grains, ITelemetryArchive archive, TimeProvider time)
    {
        if (await ReadableAsync(id, user, grains) is { } refusal)
        {
            return refusal;
        }

        if (from is { } f && to is { } t && t < f)
        {
            return Problems.BadRequest("to must not be before from.");
        }

        if (from is { } a && to is { } b && b - a > MaxEcgSpan)
        {
            return Problems.BadRequest($"At most {MaxEcgSpan.TotalSeconds:F0} s of ECG per request; ask for the rest in further requests.");
        }

        // Without both ends: the span ending at 'to', starting at 'from', or the case's last ten seconds.
        var latest = await archive.LatestCaptureAsync(id);
        var end = to ?? (from is { } start ? start + MaxEcgSpan : latest is { } l ? DateTimeOffset.UnixEpoch.AddTicks(l * 10) : time.GetUtcNow());
        var begin = from ?? (to is not null ? end - MaxEcgSpan : end - TimeSpan.FromSeconds(10));
        var frames = await archive.ReadAsync(id, VehicleLinkProtocol.EcgChannel, Micros(begin), Micros(end), 10_000);
        return TypedResults.Ok(EcgSegments.Join(id, begin, end, frames));
    }

    private static async Task<ProblemHttpResult?> ReadableAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        return incident is null ? Problems.NotFound($"Incident {id} does not exist.")
            : !user.MayRead(incident) ? Problems.Forbidden($"Incident {id} is outside your scope.")
            : null;
    }

    private static long Micros(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).Ticks / 10;
}
