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

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/incidents").WithTags("Telemetry");
        incidents.MapGet("/{id}/telemetry", ReportAsync);
        incidents.MapGet("/{id}/ecg", EcgAsync);
        return app;
    }

    private static async Task<Results<Ok<TelemetryAnswer>, ProblemHttpResult>> ReportAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, ITelemetryArchive archive, IOptions<TelemetryOptions> options)
    {
        if (await ReadableAsync(id, user, grains) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(new TelemetryAnswer(id, await archive.ReportAsync(id, options.Value.LateAfter)));
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
        return TypedResults.Ok(Segments(id, begin, end, frames));
    }

    private static EcgAnswer Segments(string id, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TelemetryFrame> frames)
    {
        var segments = new List<EcgSegment>();
        var (rate, gain, leads) = (0, 0.0, 0);
        List<short>[]? current = null;
        long first = 0, next = -1;
        DateTimeOffset startedAt = default;
        foreach (var frame in frames.OrderBy(f => f.Sequence))
        {
            if (!TelemetryCodec.TryDecodeEcg(frame.Payload, out var block, out _))
            {
                continue;
            }

            if (current is null || block.FirstSample != next || block.Samples.Length != leads)
            {
                Flush();
                (rate, gain, leads) = (block.SampleRateHz, block.MicrovoltsPerUnit, block.Samples.Length);
                current = Enumerable.Range(0, leads).Select(_ => new List<short>()).ToArray();
                (first, startedAt) = (block.FirstSample, DateTimeOffset.UnixEpoch.AddTicks(frame.CapturedAtMicros * 10));
            }

            for (var l = 0; l < leads; l++)
            {
                current[l].AddRange(block.Samples[l]);
            }

            next = block.FirstSample + block.SamplesPerLead;
        }

        Flush();
        var names = leads == EcgBlock.StandardLeads.Count ? EcgBlock.StandardLeads : Enumerable.Range(1, leads).Select(i => $"lead {i}").ToArray();
        return new EcgAnswer(id, rate, gain, names, from, to, segments);

        void Flush()
        {
            if (current is not null)
            {
                segments.Add(new EcgSegment(first, startedAt, current.Select(c => c.ToArray()).ToArray()));
            }
        }
    }

    private static async Task<ProblemHttpResult?> ReadableAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = Ids.IsWellFormed(id) ? await grains.GetGrain<IIncidentGrain>(id).GetAsync() : null;
        return incident is null ? Problems.NotFound($"Incident {id} does not exist.")
            : !user.MayRead(incident) ? Problems.Forbidden($"Incident {id} is outside your scope.")
            : null;
    }

    private static long Micros(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).Ticks / 10;
}
