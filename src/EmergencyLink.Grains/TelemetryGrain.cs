using EmergencyLink.Clinical.Live;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Grains;

/// <summary>
/// The server end of one vehicle's link. For each batch: refuse what can never be taken (bad channel, malformed or
/// oversized payload, a case this vehicle does not serve), drop what is already held (a resend), push the rest to the
/// case's viewers, archive it, and only then acknowledge. Pushing before archiving means a crash between the two
/// can make the viewer see a frame twice (the gateway resends it), never miss it; viewers de-duplicate by sequence.
/// Continuity lives in memory and is rebuilt from the archive on activation, so it survives a restart.
/// </summary>
public sealed class TelemetryGrain(
    ITelemetryArchive archive,
    ILiveFeed live,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<TelemetryGrain> logger) : Grain, ITelemetryGrain
{
    private const int MaxAckRanges = 16;
    private readonly Dictionary<string, ChannelContinuity> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseRoute> cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VitalsMonitor> vitalsMonitors = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await archive.LoadVehicleAsync(this.GetPrimaryKeyString()))
        {
            channels[stored.Channel] = ChannelContinuity.FromHeld(stored.Held.Select(r => (r.From, r.To)), stored.Duplicates);
        }
    }

    public async Task<UploadAck> IngestAsync(IReadOnlyList<TelemetryFrame> frames, long receivedMicros)
    {
        var vehicle = this.GetPrimaryKeyString();
        var limits = options.Value;
        var rejected = new List<FrameRejection>();
        var fresh = new List<(TelemetryFrame Frame, bool Backfilled)>();
        var inBatch = new HashSet<(string, long)>();
        var duplicates = new Dictionary<(string Channel, string Case), long>();
        var touched = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var frame in frames)
        {
            // MessagePack fills a missing field with null whatever the record's annotations say.
            if (frame is null)
            {
                rejected.Add(new FrameRejection("", 0, "frame is empty"));
                continue;
            }

            var problem = TelemetryRules.Check(
                    frame.VehicleId, frame.CaseId, frame.Channel, frame.Kind, frame.Sequence, frame.CapturedAtMicros, frame.Payload,
                    vehicle, limits.MaxFramePayloadBytes)
                ?? (await RouteAsync(frame.CaseId)).Refusal;
            if (problem is not null)
            {
                rejected.Add(new FrameRejection(frame.Channel ?? "", frame.Sequence, problem));
                continue;
            }

            var channel = frame.Channel!;
            if (!touched.TryGetValue(channel, out var sequences))
            {
                touched[channel] = sequences = [];
            }

            sequences.Add(frame.Sequence);
            var outcome = Channel(channel).Classify(frame.Sequence);
            if (outcome == ContinuityOutcome.Duplicate || !inBatch.Add((channel, frame.Sequence)))
            {
                duplicates[(channel, frame.CaseId)] = duplicates.GetValueOrDefault((channel, frame.CaseId)) + 1;
                continue;
            }

            fresh.Add((frame, outcome == ContinuityOutcome.Backfilled));
        }

        foreach (var byCase in fresh.GroupBy(f => f.Frame.CaseId))
        {
            var delivery = new TelemetryDelivery(byCase.Key, byCase.Select(f => f.Frame).ToArray(), receivedMicros, NowMicros(), Replay: false);
            await live.TelemetryAsync((await RouteAsync(byCase.Key)).HospitalId, delivery);
        }

        await archive.StoreAsync(
            fresh.Select(f => new ArchiveEntry(f.Frame, receivedMicros, f.Backfilled)).ToArray(),
            duplicates.Select(d => new DuplicateCount(vehicle, d.Key.Channel, d.Key.Case, d.Value)).ToArray());

        foreach (var (frame, _) in fresh)
        {
            Channel(frame.Channel).Record(frame.Sequence);
        }

        foreach (var ((channel, _), count) in duplicates)
        {
            for (var i = 0; i < count; i++)
            {
                Channel(channel).CountDuplicate();
            }
        }

        await AnalyseAsync(fresh);
        return new UploadAck(touched.Select(t => Ack(t.Key, t.Value)).ToArray(), rejected);
    }

    /// <summary>
    /// Clinical analysis of the live frames, after they were pushed and stored so it never delays the ED's view.
    /// Backfilled frames are left out: they are older than what the monitor has already seen, and a finding in them
    /// is in the archive for the record. An alert the case already holds is not raised again (the case decides).
    /// </summary>
    private async Task AnalyseAsync(List<(TelemetryFrame Frame, bool Backfilled)> fresh)
    {
        foreach (var (frame, _) in fresh.Where(f => !f.Backfilled && f.Frame.Kind == TelemetryKind.Vitals).OrderBy(f => f.Frame.CapturedAtMicros))
        {
            if (!TelemetryCodec.TryDecodeVitals(frame.Payload, out var vitals, out _))
            {
                continue;
            }

            if (!vitalsMonitors.TryGetValue(frame.CaseId, out var monitor))
            {
                vitalsMonitors[frame.CaseId] = monitor = new VitalsMonitor(options.Value.News2HoldFor);
            }

            var captured = DateTimeOffset.UnixEpoch.AddTicks(frame.CapturedAtMicros * 10);
            if (monitor.Push(vitals, captured) is { } alert)
            {
                try
                {
                    await GrainFactory.GetGrain<IIncidentGrain>(frame.CaseId).RaiseAlertAsync(alert, "vitals-analysis");
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The frames are safe and acknowledged either way; the alert is retried by nothing, so say so loudly.
                    logger.LogError(ex, "Alert {Kind} for case {Case} could not be recorded", alert.Kind, frame.CaseId);
                }
            }
        }
    }

    /// <summary>
    /// What the channel holds: everything up to the contiguous mark, and above it the ranges that hold this batch's
    /// frames (so each of them is covered, however many holes the channel has) plus the newest few.
    /// </summary>
    private ChannelAck Ack(string channel, List<long> batch)
    {
        var held = Channel(channel).Held;
        var above = held.Ranges.Where(r => r.From > held.ContiguousThrough + 1).ToArray();
        var covering = above.Where(r => batch.Exists(s => s >= r.From && s <= r.To));
        var ranges = covering.Concat(above.TakeLast(MaxAckRanges)).Distinct().OrderBy(r => r.From)
            .Select(r => new SequenceRange(r.From, r.To)).ToArray();
        return new ChannelAck(channel, held.ContiguousThrough, ranges);
    }

    private ChannelContinuity Channel(string channel)
    {
        if (!channels.TryGetValue(channel, out var continuity))
        {
            channels[channel] = continuity = new ChannelContinuity();
        }

        return continuity;
    }

    /// <summary>Whether this vehicle may stream for the case, and where its frames go; asked of the case at most once a refresh.</summary>
    private async Task<CaseRoute> RouteAsync(string caseId)
    {
        var now = time.GetUtcNow();
        if (cases.TryGetValue(caseId, out var known) && now - known.CheckedAt < options.Value.CaseRefresh)
        {
            return known;
        }

        var incident = await GrainFactory.GetGrain<IIncidentGrain>(caseId).GetAsync();
        var vehicle = this.GetPrimaryKeyString();
        var route = incident is null
            ? new CaseRoute(null, $"there is no case {caseId}", now)
            : incident.AmbulanceId != vehicle
                ? new CaseRoute(null, $"case {caseId} is not assigned to vehicle {vehicle}", now)
                : new CaseRoute(incident.HospitalId, null, now);
        cases[caseId] = route;
        return route;
    }

    private long NowMicros() => (long)(time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMicroseconds;

    private sealed record CaseRoute(string? HospitalId, string? Refusal, DateTimeOffset CheckedAt);
}
