using System.Globalization;
using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Domain.Handover;

/// <summary>
/// The rules of a case's handover loops, one per receiving ED the crew pre-alerted. The case's own triggers drive most
/// steps (<see cref="FollowCase"/>); the ED's acknowledgements, the crew's re-sent pre-alert and its confirmation of
/// the transfer, and escalation are steps of their own, each also written on the case timeline. A refused step
/// changes nothing.
/// </summary>
public static class HandoverLoops
{
    public const int MaxMessageLength = 1000;

    /// <summary>The actor of steps the system takes by itself (escalation).</summary>
    public const string SystemActor = "system";

    /// <summary>The latest loop with <paramref name="hospitalId"/>, or null if that ED was never pre-alerted for the case.</summary>
    public static HandoverLoop? Current(IncidentRecord record, string? hospitalId) =>
        hospitalId is null ? null : record.HandoverLoops.LastOrDefault(l => l.HospitalId == hospitalId);

    /// <summary>
    /// Moves the loops after the case accepted <paramref name="trigger"/> (the record already shows its outcome): a
    /// destination pre-alerts its ED, a diversion stands the old ED down, arrival and transfer of care are stamped,
    /// a cancellation stands every expecting ED down. Returns the loops that changed.
    /// </summary>
    public static IReadOnlyList<HandoverLoop> FollowCase(
        IncidentRecord record, CaseTrigger trigger, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var changed = new List<HandoverLoop>();
        var destination = record.HospitalId;
        switch (trigger)
        {
            case CaseTrigger.Transport or CaseTrigger.Divert when destination is not null:
                // A pre-alert sent from the scene to another ED (or the old destination) is stood down.
                foreach (var index in OpenIndexes(record, other: destination))
                {
                    changed.Add(Fire(record, index, HandoverLoopTrigger.Divert, actor, now, $"case {trigger} to {destination}"));
                }

                if (Current(record, destination) is not { IsOpen: true })
                {
                    changed.Add(Open(record, destination, null, actor, now));
                }

                break;
            case CaseTrigger.ArriveHospital:
                changed.AddRange(FireIf(record, destination, HandoverLoopState.PreAlertSent, HandoverLoopTrigger.ArriveHospital, actor, now));
                changed.AddRange(FireIf(record, destination, HandoverLoopState.PreAlertAcknowledged, HandoverLoopTrigger.ArriveHospital, actor, now));
                break;
            case CaseTrigger.Handover:
                changed.AddRange(FireIf(record, destination, HandoverLoopState.Arrived, HandoverLoopTrigger.Handover, actor, now));
                break;
            case CaseTrigger.Cancel or CaseTrigger.NoTransport:
                foreach (var index in OpenIndexes(record, other: null))
                {
                    changed.Add(Fire(record, index, HandoverLoopTrigger.Cancel, actor, now,
                        trigger == CaseTrigger.NoTransport ? $"no transport: {record.Disposition}" : "case cancelled"));
                }

                break;
        }

        return changed;
    }

    /// <summary>
    /// The crew (or dispatch) pre-alerts an ED: from the scene, any ED it means to take the patient to; on the way, the
    /// destination, again, usually with news. A pre-alert to another ED from the scene stands the first one down.
    /// </summary>
    public static HandoverOutcome SendPreAlert(IncidentRecord record, string hospitalId, string? message, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrWhiteSpace(hospitalId))
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.Invalid, "A pre-alert needs hospitalId, the receiving ED.");
        }

        if (message is { Length: > MaxMessageLength })
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.Invalid, $"message is longer than {MaxMessageLength} characters.");
        }

        if (record.State is not (CaseState.OnScene or CaseState.Transporting))
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.Conflict,
                $"A pre-alert is sent from the scene or on the way; case {record.Id} is {record.State}.");
        }

        if (record.State == CaseState.Transporting && hospitalId != record.HospitalId)
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.Conflict,
                $"Case {record.Id} is going to {record.HospitalId}; divert it to pre-alert {hospitalId}.");
        }

        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        foreach (var index in OpenIndexes(record, other: hospitalId))
        {
            Fire(record, index, HandoverLoopTrigger.Divert, actor, now, $"pre-alert sent to {hospitalId} instead");
        }

        var current = Current(record, hospitalId);
        var loop = current is { IsOpen: true }
            ? Fire(record, record.HandoverLoops.LastIndexOf(current), HandoverLoopTrigger.SendPreAlert, actor, now, text)
            : Open(record, hospitalId, text, actor, now);
        Note(record, actor, now, TimelineEvent.HandoverLoop,
            $"pre-alert {loop.Id} sent to {hospitalId}" + (text is null ? "" : $": {text}"));
        return HandoverOutcome.Ok(loop);
    }

    /// <summary>
    /// The ED acknowledges what its loop waits for: the pre-alert, the redirect or the cancellation. A second
    /// acknowledgement is refused with who acknowledged first, so the first stamp stands.
    /// </summary>
    /// <param name="loopId">A particular loop of that ED (an older one awaiting a stand-down); by default its latest.</param>
    public static HandoverOutcome AcknowledgeByEd(
        IncidentRecord record, string hospitalId, string? loopId, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var loop = loopId is null
            ? Current(record, hospitalId)
            : record.HandoverLoops.Find(l => l.Id == loopId && l.HospitalId == hospitalId);
        if (loop is null)
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.NotFound, loopId is null
                ? $"Hospital {hospitalId} was not pre-alerted for case {record.Id}."
                : $"Case {record.Id} has no handover loop {loopId} with hospital {hospitalId}.");
        }

        HandoverLoopTrigger? trigger = loop.State switch
        {
            HandoverLoopState.PreAlertSent => HandoverLoopTrigger.AcknowledgePreAlert,
            HandoverLoopState.Redirected => HandoverLoopTrigger.AcknowledgeRedirect,
            HandoverLoopState.Cancelled => HandoverLoopTrigger.AcknowledgeCancel,
            _ => null,
        };
        if (trigger is null)
        {
            var first = loop.Steps.LastOrDefault(s => s.Trigger is HandoverLoopTrigger.AcknowledgePreAlert
                or HandoverLoopTrigger.AcknowledgeRedirect or HandoverLoopTrigger.AcknowledgeCancel);
            return HandoverOutcome.Refused(HandoverOutcomeKind.Conflict, first is null
                ? $"Handover loop {loop.Id} is {loop.State}; nothing waits for the ED's acknowledgement."
                : Acknowledged(loop, first), loop);
        }

        var acknowledged = Fire(record, record.HandoverLoops.IndexOf(loop), trigger.Value, actor, now, null);
        Note(record, actor, now, TimelineEvent.HandoverLoop, $"{trigger} {loop.Id} by {hospitalId}");
        return HandoverOutcome.Ok(acknowledged);
    }

    /// <summary>The crew confirms the transfer of care the ED recorded; once.</summary>
    public static HandoverOutcome AcknowledgeTransfer(IncidentRecord record, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var loop = Current(record, record.HospitalId);
        if (loop is null)
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.NotFound, $"Case {record.Id} has no handover loop with its destination.");
        }

        if (loop.State == HandoverLoopState.TransferAcknowledged)
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.Conflict,
                Acknowledged(loop, loop.Steps.Last(s => s.Trigger == HandoverLoopTrigger.AcknowledgeTransfer)), loop);
        }

        if (loop.State != HandoverLoopState.TransferOfCare)
        {
            return HandoverOutcome.Refused(HandoverOutcomeKind.Conflict,
                $"Handover loop {loop.Id} is {loop.State}; the ED has not recorded the transfer of care.", loop);
        }

        var acknowledged = Fire(record, record.HandoverLoops.IndexOf(loop), HandoverLoopTrigger.AcknowledgeTransfer, actor, now, null);
        Note(record, actor, now, TimelineEvent.HandoverLoop, $"AcknowledgeTransfer {loop.Id} at {loop.HospitalId}");
        return HandoverOutcome.Ok(acknowledged);
    }

    /// <summary>
    /// The escalation level a waiting pre-alert has reached by <paramref name="now"/> if it is higher than the level it
    /// was last escalated to, else null: level n falls due n intervals after the wait began. A loop that slept through
    /// several intervals escalates once, straight to the level due, not once per missed interval.
    /// </summary>
    public static int? EscalationDue(HandoverLoop loop, TimeSpan after, DateTimeOffset now)
    {
        if (loop.AwaitingAcknowledgementSince is not { } since || after <= TimeSpan.Zero)
        {
            return null;
        }

        var due = (int)Math.Min(int.MaxValue, (now - since).Ticks / after.Ticks);
        return due > loop.EscalationLevel ? due : null;
    }

    /// <summary>Escalates every waiting pre-alert that is due; returns the loops escalated.</summary>
    public static IReadOnlyList<HandoverLoop> Escalate(IncidentRecord record, TimeSpan after, DateTimeOffset now)
    {
        var escalated = new List<HandoverLoop>();
        for (var i = 0; i < record.HandoverLoops.Count; i++)
        {
            var loop = record.HandoverLoops[i];
            if (EscalationDue(loop, after, now) is not { } level)
            {
                continue;
            }

            var waited = now - loop.AwaitingAcknowledgementSince!.Value;
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"level {level}: pre-alert {loop.Id} to {loop.HospitalId} unacknowledged for {waited.TotalMinutes:0.#} min");
            escalated.Add(Fire(record, i, HandoverLoopTrigger.Escalate, SystemActor, now, detail, level));
            Note(record, SystemActor, now, TimelineEvent.PreAlertEscalated, detail);
        }

        return escalated;
    }

    /// <summary>Whether any loop waits on a pre-alert acknowledgement, and so needs watching for escalation.</summary>
    public static bool AnyAwaitingPreAlert(IncidentRecord record) =>
        record.HandoverLoops.Exists(l => l.State == HandoverLoopState.PreAlertSent);

    private static string Acknowledged(HandoverLoop loop, HandoverStep first) =>
        $"Handover loop {loop.Id}: {first.Trigger} was done by {first.Actor} at {first.At.ToString("O", CultureInfo.InvariantCulture)}.";

    private static IEnumerable<int> OpenIndexes(IncidentRecord record, string? other)
    {
        var indexes = new List<int>();
        for (var i = 0; i < record.HandoverLoops.Count; i++)
        {
            if (record.HandoverLoops[i].IsOpen && record.HandoverLoops[i].HospitalId != other)
            {
                indexes.Add(i);
            }
        }

        return indexes;
    }

    private static IEnumerable<HandoverLoop> FireIf(
        IncidentRecord record, string? hospitalId, HandoverLoopState state, HandoverLoopTrigger trigger, string actor, DateTimeOffset now)
    {
        var loop = Current(record, hospitalId);
        return loop?.State == state
            ? [Fire(record, record.HandoverLoops.LastIndexOf(loop), trigger, actor, now, null)]
            : [];
    }

    private static HandoverLoop Open(IncidentRecord record, string hospitalId, string? message, string actor, DateTimeOffset now)
    {
        var loop = new HandoverLoop(
            string.Create(CultureInfo.InvariantCulture, $"L{record.HandoverLoops.Count + 1}"),
            hospitalId,
            HandoverLoopState.PreAlertSent,
            [new HandoverStep(1, now, actor, HandoverLoopTrigger.SendPreAlert, null, HandoverLoopState.PreAlertSent, message)]);
        record.HandoverLoops.Add(loop);
        return loop;
    }

    private static HandoverLoop Fire(
        IncidentRecord record, int index, HandoverLoopTrigger trigger, string actor, DateTimeOffset now, string? detail, int? level = null)
    {
        var loop = record.HandoverLoops[index];
        var to = HandoverLoopWorkflow.Next(loop.State, trigger)
            ?? throw new InvalidOperationException($"{trigger} is not permitted while handover loop {loop.Id} is {loop.State}.");
        var moved = loop with
        {
            State = to,
            Steps = [.. loop.Steps, new HandoverStep(loop.Steps.Count + 1, now, actor, trigger, loop.State, to, detail, level)],
        };
        record.HandoverLoops[index] = moved;
        return moved;
    }

    private static void Note(IncidentRecord record, string actor, DateTimeOffset now, TimelineEvent kind, string detail) =>
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State, detail, kind));
}
