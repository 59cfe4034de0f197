using EmergencyLink.Clinical.Live;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace EmergencyLink.Grains;

/// <summary>
/// The server end of one vehicle's link. For each batch: refuse what can never be taken (bad channel, malformed or
/// oversized payload, a case this vehicle does not serve), drop what is already held or on its way to the archive (a
/// resend), push the rest to the case's viewers, hand it to the archive, and acknowledge it only once it is durable.
/// Pushing before archiving means a crash between the two can make the viewer see a frame twice (the gateway resends
/// it), never miss it; viewers de-duplicate by sequence.
/// Taking a batch (<see cref="AcceptAsync"/>) and answering it (<see cref="AcknowledgeAsync"/>) are two calls so that a
/// vehicle's next batch is taken and pushed while this one's archive commit is on its way to the disk: with one call,
/// every frame waited behind the fsync of the one before it. Acknowledgements are computed from <c>channels</c>, which
/// holds only what the archive has confirmed, in the order the batches were taken; <c>inFlight</c> holds what was
/// handed to it and not yet confirmed, so a resend of such a frame is still recognised as a duplicate.
/// Continuity lives in memory and is rebuilt from the archive on activation, so it survives a restart.
/// <para>
/// Placed on the node its first call comes from, which is the node the vehicle's gateway is connected to: every upload
/// then stays in that process instead of crossing to another silo and back for its acknowledgement (two silo hops per
/// batch, at 25 batches a second per ambulance). A load balancer spreading gateways spreads these grains with them.
/// </para>
/// </summary>
[PreferLocalPlacement]
public sealed class TelemetryGrain(
    ITelemetryArchive archive,
    ILiveFeed live,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    EmergencyLinkMetrics metrics,
    ILogger<TelemetryGrain> logger) : Grain, ITelemetryGrain
{
    private const int MaxAckRanges = 16;
    private readonly Dictionary<string, ChannelContinuity> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> inFlight = new(StringComparer.Ordinal);
    private readonly Queue<TakenBatch> taken = new();
    private readonly Guid activation = Guid.NewGuid();
    private readonly Dictionary<string, CaseRoute> cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseAnalysis> analyses = new(StringComparer.Ordinal);
    private readonly List<(string CaseId, NewAlert Alert, string Actor)> pendingAlerts = [];
    private DateTimeOffset retryAfter;
    private long lastTicket;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await archive.LoadVehicleAsync(this.GetPrimaryKeyString()))
        {
            channels[stored.Channel] = ChannelContinuity.FromHeld(stored.Held.Select(r => (r.From, r.To)), stored.Duplicates);
        }
    }

    public async Task<UploadAck> IngestAsync(IReadOnlyList<TelemetryFrame> frames, long receivedMicros) =>
        await AcknowledgeAsync(await AcceptAsync(frames, receivedMicros));

    public async Task<UploadTicket> AcceptAsync(IReadOnlyList<TelemetryFrame> frames, long receivedMicros)
    {
        var started = time.GetTimestamp();
        Settle();
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
            var outcome = Classify(channel, frame.Sequence);
            if (outcome == ContinuityOutcome.Duplicate || !inBatch.Add((channel, frame.Sequence)))
            {
                duplicates[(channel, frame.CaseId)] = duplicates.GetValueOrDefault((channel, frame.CaseId)) + 1;
                metrics.Frame(frame.Kind, "duplicate");
                continue;
            }

            fresh.Add((frame, outcome == ContinuityOutcome.Backfilled));
        }

        foreach (var byCase in fresh.GroupBy(f => f.Frame.CaseId))
        {
            var delivery = new TelemetryDelivery(byCase.Key, byCase.Select(f => f.Frame).ToArray(), receivedMicros, NowMicros(), Replay: false);
            await live.TelemetryAsync((await RouteAsync(byCase.Key)).HospitalId, delivery);
        }

        // Handed to the archive's queue now, in the order batches are taken; the commit is waited for in AcknowledgeAsync.
        var stored = archive.StoreAsync(
            fresh.Select(f => new ArchiveEntry(f.Frame, receivedMicros, f.Backfilled)).ToArray(),
            duplicates.Select(d => new DuplicateCount(vehicle, d.Key.Channel, d.Key.Case, d.Value)).ToArray());
        var batch = new TakenBatch(++lastTicket, stored, fresh.Select(f => (f.Frame.Channel, f.Frame.Sequence)).ToArray(),
            duplicates.Select(d => (d.Key.Channel, d.Value)).ToArray());
        foreach (var (channel, sequence) in batch.Fresh)
        {
            InFlight(channel).Add(sequence);
        }

        taken.Enqueue(batch);
        Settle();
        await AnalyseAsync(fresh);
        Measure(fresh, rejected.Count, receivedMicros, started);
        return new UploadTicket(activation, batch.Number, touched.Select(t => new ChannelSequences(t.Key, t.Value)).ToArray(), rejected);
    }

    public async Task<UploadAck> AcknowledgeAsync(UploadTicket ticket)
    {
        if (ticket.Activation != activation || ticket.Number > lastTicket)
        {
            throw new InvalidOperationException(
                $"Upload {ticket.Number} of vehicle {this.GetPrimaryKeyString()} was taken by an earlier activation of its link; send it again.");
        }

        // Commits complete in the order stores were queued, but wait on each in turn so that no other archive has to.
        while (taken.TryPeek(out var head) && head.Number <= ticket.Number)
        {
            await Task.WhenAny(head.Stored);
            Settle();
        }

        foreach (var carried in ticket.Carried)
        {
            var held = Channel(carried.Channel).Held;
            foreach (var sequence in carried.Sequences)
            {
                if (!held.Contains(sequence))
                {
                    throw new InvalidOperationException(
                        $"Frame {sequence} of channel {carried.Channel} of vehicle {this.GetPrimaryKeyString()} could not be archived; send it again.");
                }
            }
        }

        return new UploadAck(ticket.Carried.Select(c => Ack(c.Channel, c.Sequences)).ToArray(), ticket.Rejected);
    }

    private void Measure(List<(TelemetryFrame Frame, bool Backfilled)> fresh, int rejected, long receivedMicros, long started)
    {
        for (var i = 0; i < fresh.Count; i++)
        {
            var (frame, backfilled) = fresh[i];
            metrics.Frame(frame.Kind, backfilled ? "backfilled" : "ingested");
            if (!backfilled)
            {
                metrics.CaptureToServer(frame.Kind, (receivedMicros - frame.CapturedAtMicros) / 1000.0);
            }
        }

        metrics.Rejected(rejected);
        metrics.Ingested(time.GetElapsedTime(started));
    }

    /// <summary>
    /// Takes the batches whose archive commit has completed, oldest first, stopping at the first still on its way so
    /// that what <c>channels</c> holds is always durable. A batch whose commit failed leaves <c>inFlight</c> without
    /// entering <c>channels</c>: its frames are taken again when resent, and no acknowledgement covers them.
    /// </summary>
    private void Settle()
    {
        while (taken.TryPeek(out var batch) && batch.Stored.IsCompleted)
        {
            taken.Dequeue();
            foreach (var (channel, sequence) in batch.Fresh)
            {
                InFlight(channel).Remove(sequence);
            }

            if (!batch.Stored.IsCompletedSuccessfully)
            {
                logger.LogError(batch.Stored.Exception?.GetBaseException(), "Archive of {Count} frames of vehicle {Vehicle} failed; they are not acknowledged",
                    batch.Fresh.Count, this.GetPrimaryKeyString());
                continue;
            }

            var settled = batch.Fresh.Select(f => f.Channel).Distinct().ToArray();
            var missingBefore = settled.Sum(c => Channel(c).Expected - Channel(c).Received);
            foreach (var (channel, sequence) in batch.Fresh)
            {
                Channel(channel).Record(sequence);
            }

            metrics.MissingChanged(settled.Sum(c => Channel(c).Expected - Channel(c).Received) - missingBefore);

            foreach (var (channel, count) in batch.Duplicates)
            {
                for (var i = 0; i < count; i++)
                {
                    Channel(channel).CountDuplicate();
                }
            }
        }
    }

    /// <summary>As <see cref="ChannelContinuity.Classify"/>, counting frames still on their way to the archive as held.</summary>
    private ContinuityOutcome Classify(string channel, long sequence)
    {
        var outcome = Channel(channel).Classify(sequence);
        if (outcome == ContinuityOutcome.Duplicate || !inFlight.TryGetValue(channel, out var pending) || pending.Count == 0)
        {
            return outcome;
        }

        return pending.Contains(sequence) ? ContinuityOutcome.Duplicate
            : outcome == ContinuityOutcome.InOrder && sequence < pending.Max() ? ContinuityOutcome.Backfilled
            : outcome;
    }

    private HashSet<long> InFlight(string channel)
    {
        if (!inFlight.TryGetValue(channel, out var set))
        {
            inFlight[channel] = set = [];
        }

        return set;
    }

    /// <summary>
    /// Clinical analysis of the live frames, after they were pushed and handed to the archive so it never delays the ED's view.
    /// Backfilled frames are left out: they are older than what the monitors have already seen, and a finding in them
    /// is in the archive for the record. An alert the case already holds is not raised again (the case decides).
    /// This runs for every batch (25 ECG frames a second per vehicle), so it is a plain loop that allocates nothing
    /// beyond what decoding a frame needs, and returns at once when there is nothing to do.
    /// </summary>
    private async Task AnalyseAsync(List<(TelemetryFrame Frame, bool Backfilled)> fresh)
    {
        var raisedBefore = pendingAlerts.Count;
        for (var i = 0; i < fresh.Count; i++)
        {
            var (frame, backfilled) = fresh[i];
            if (backfilled)
            {
                continue;
            }

            try
            {
                if (frame.Kind == TelemetryKind.Vitals)
                {
                    AnalyseVitals(frame);
                }
                else if (frame.Kind == TelemetryKind.Ecg)
                {
                    AnalyseEcg(frame);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Decision support must never cost the stream: the frames are pushed and archived already, and failing
                // the upload here would only make the gateway resend them. The case's analysis starts afresh instead.
                analyses.Remove(frame.CaseId);
                logger.LogError(ex, "Live analysis of case {Case} failed on {Channel} frame {Sequence}; it restarts",
                    frame.CaseId, frame.Channel, frame.Sequence);
            }
        }

        if (pendingAlerts.Count == 0 || (pendingAlerts.Count == raisedBefore && time.GetUtcNow() < retryAfter))
        {
            return;
        }

        await RaisePendingAsync();
    }

    private void AnalyseVitals(TelemetryFrame frame)
    {
        if (!TelemetryCodec.TryDecodeVitals(frame.Payload, out var vitals, out _))
        {
            return;
        }

        var analysis = Analysis(frame.CaseId);
        analysis.Vitals ??= new VitalsMonitor(options.Value.News2HoldFor);
        if (analysis.Vitals.Push(vitals, Captured(frame)) is { } alert)
        {
            pendingAlerts.Add((frame.CaseId, alert, "vitals-analysis"));
        }
    }

    private void AnalyseEcg(TelemetryFrame frame)
    {
        if (!TelemetryCodec.TryDecodeEcg(frame.Payload, out var block, out _))
        {
            return;
        }

        // The case record holds no sex or age yet, so the monitor uses its documented default (men aged 40 or over).
        var analysis = Analysis(frame.CaseId);
        analysis.Ecg ??= new EcgMonitor();
        var alerts = analysis.Ecg.Push(block, Captured(frame));
        for (var i = 0; i < alerts.Count; i++)
        {
            pendingAlerts.Add((frame.CaseId, alerts[i], EcgMonitor.Source));
        }
    }

    /// <summary>
    /// Records the alerts not yet recorded, oldest first. One that fails stays, with the ones behind it, and is tried again
    /// on a later batch after <see cref="TelemetryOptions.AlertRetryInterval"/>: the frames are safe and acknowledged
    /// either way, and an alert that reached no one must not be lost.
    /// </summary>
    private async Task RaisePendingAsync()
    {
        while (pendingAlerts.Count > 0)
        {
            var (caseId, alert, actor) = pendingAlerts[0];
            try
            {
                await GrainFactory.GetGrain<IIncidentGrain>(caseId).RaiseAlertAsync(alert, actor);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                retryAfter = time.GetUtcNow() + options.Value.AlertRetryInterval;
                logger.LogError(ex, "Alert {Kind} for case {Case} could not be recorded; {Pending} alert(s) kept to retry",
                    alert.Kind, caseId, pendingAlerts.Count);
                return;
            }

            pendingAlerts.RemoveAt(0);
        }
    }

    /// <summary>The live analysis of a case, made on its first live frame; analyses idle for long are dropped then.</summary>
    private CaseAnalysis Analysis(string caseId)
    {
        var now = time.GetUtcNow();
        if (analyses.TryGetValue(caseId, out var analysis))
        {
            analysis.LastFed = now;
            return analysis;
        }

        List<string>? idle = null;
        foreach (var (other, existing) in analyses)
        {
            if (now - existing.LastFed > options.Value.AnalysisIdleAfter)
            {
                (idle ??= []).Add(other);
            }
        }

        foreach (var other in idle ?? [])
        {
            analyses.Remove(other);
        }

        analyses[caseId] = analysis = new CaseAnalysis { LastFed = now };
        return analysis;
    }

    private static DateTimeOffset Captured(TelemetryFrame frame) => DateTimeOffset.UnixEpoch.AddTicks(frame.CapturedAtMicros * 10);

    /// <summary>
    /// What the channel holds: everything up to the contiguous mark, and above it the ranges that hold this batch's
    /// frames (so each of them is covered, however many holes the channel has) plus the newest few.
    /// </summary>
    private ChannelAck Ack(string channel, IReadOnlyList<long> batch)
    {
        var held = Channel(channel).Held;
        var above = held.Ranges.Where(r => r.From > held.ContiguousThrough + 1).ToArray();
        var covering = above.Where(r => batch.Any(s => s >= r.From && s <= r.To));
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

    /// <summary>A batch handed to the archive: its place in order, the store's task, what it took and counted as resent.</summary>
    private sealed record TakenBatch(long Number, Task Stored, IReadOnlyList<(string Channel, long Sequence)> Fresh, IReadOnlyList<(string Channel, long Count)> Duplicates);

    /// <summary>One case's live monitors, each made when its first live frame of that kind arrives.</summary>
    private sealed class CaseAnalysis
    {
        public VitalsMonitor? Vitals { get; set; }

        public EcgMonitor? Ecg { get; set; }

        public DateTimeOffset LastFed { get; set; }
    }
}
