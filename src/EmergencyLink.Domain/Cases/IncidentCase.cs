using System.Globalization;

namespace EmergencyLink.Domain.Cases;

/// <summary>
/// The rules of a case: opening it and applying commands. Every accepted command changes the state through
/// <see cref="CaseWorkflow"/> and appends exactly one timeline entry; a refused one changes nothing.
/// </summary>
public static class IncidentCase
{
    public const int MaxTextLength = 2000;

    public static IncidentRecord Open(string id, NewIncident call, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!CasePriority.IsValid(call.Priority))
        {
            throw new ArgumentOutOfRangeException(nameof(call), call.Priority, "Priority must be 1..4.");
        }

        var record = new IncidentRecord
        {
            Id = id,
            State = CaseState.Received,
            Priority = call.Priority,
            Location = call.Location,
            Address = call.Address,
            Complaint = call.Complaint,
            CallerPhone = call.CallerPhone,
            Notes = call.Notes,
            CreatedAt = now,
        };
        record.Timeline.Add(new TimelineEntry(1, now, actor, null, CaseState.Received, CaseState.Received,
            string.Create(CultureInfo.InvariantCulture, $"priority {call.Priority}: {call.Complaint}")));
        return record;
    }

    /// <summary>Checks a command against the record without changing it.</summary>
    public static TransitionOutcome Check(IncidentRecord record, CaseCommand command)
    {
        var from = record.State;
        var permitted = CaseWorkflow.PermittedTriggers(from);
        var next = CaseWorkflow.Next(from, command.Trigger);
        if (next is null)
        {
            return new TransitionOutcome(TransitionOutcomeKind.NotPermitted, from, from, permitted,
                $"{command.Trigger} is not permitted while the case is {from}.");
        }

        var error = ArgumentError(record, command);
        return error is null
            ? new TransitionOutcome(TransitionOutcomeKind.Accepted, from, next.Value, permitted, null)
            : new TransitionOutcome(TransitionOutcomeKind.Invalid, from, from, permitted, error);
    }

    /// <summary>Applies a command: on acceptance the record moves and gains one timeline entry.</summary>
    public static TransitionOutcome Apply(IncidentRecord record, CaseCommand command, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var outcome = Check(record, command);
        if (!outcome.Accepted)
        {
            return outcome;
        }

        var detail = Detail(record, command);
        switch (command.Trigger)
        {
            case CaseTrigger.Triage when command.Priority is { } priority:
                record.Priority = priority;
                break;
            case CaseTrigger.Assign:
                record.AmbulanceId = command.AmbulanceId;
                break;
            case CaseTrigger.Reassign:
                // The released unit no longer serves the case; the timeline keeps who it was.
                record.AmbulanceId = null;
                break;
            case CaseTrigger.Transport or CaseTrigger.Divert:
                record.HospitalId = command.HospitalId;
                break;
            case CaseTrigger.NoTransport:
                record.Disposition = command.Disposition;
                break;
        }

        record.State = outcome.To;
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, command.Trigger,
            outcome.From, outcome.To, detail));
        return outcome with { PermittedTriggers = CaseWorkflow.PermittedTriggers(record.State) };
    }

    private static string? ArgumentError(IncidentRecord record, CaseCommand command)
    {
        if (command.Reason is { Length: > MaxTextLength })
        {
            return $"reason is longer than {MaxTextLength} characters.";
        }

        return command.Trigger switch
        {
            CaseTrigger.Triage when command.Priority is { } p && !CasePriority.IsValid(p) =>
                "priority must be between 1 and 4.",
            CaseTrigger.Assign when string.IsNullOrWhiteSpace(command.AmbulanceId) =>
                "Assign needs ambulanceId.",
            CaseTrigger.Transport when string.IsNullOrWhiteSpace(command.HospitalId) =>
                "Transport needs hospitalId, the destination.",
            CaseTrigger.Divert when string.IsNullOrWhiteSpace(command.HospitalId) =>
                "Divert needs hospitalId, the new destination.",
            CaseTrigger.Divert when command.HospitalId == record.HospitalId =>
                $"The case is already going to {record.HospitalId}.",
            CaseTrigger.NoTransport when command.Disposition is null =>
                "NoTransport needs a disposition: " + string.Join(", ", Enum.GetNames<NoTransportDisposition>()) + ".",
            _ => null,
        };
    }

    private static string? Detail(IncidentRecord record, CaseCommand command)
    {
        var main = command.Trigger switch
        {
            CaseTrigger.Triage when command.Priority is { } p && p != record.Priority =>
                string.Create(CultureInfo.InvariantCulture, $"priority {record.Priority} -> {p}"),
            CaseTrigger.Triage => string.Create(CultureInfo.InvariantCulture, $"priority {record.Priority} confirmed"),
            CaseTrigger.Assign => $"unit {command.AmbulanceId}",
            CaseTrigger.Reassign or CaseTrigger.Cancel when record.AmbulanceId is not null && CaseWorkflow.HoldsUnit(record.State) =>
                $"unit {record.AmbulanceId} released",
            CaseTrigger.Transport => $"destination {command.HospitalId}",
            CaseTrigger.Divert => $"destination {record.HospitalId} -> {command.HospitalId}",
            CaseTrigger.NoTransport => $"disposition {command.Disposition}",
            CaseTrigger.Close when record.AmbulanceId is not null => $"unit {record.AmbulanceId} back in service",
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return main;
        }

        return main is null ? command.Reason : $"{main}; {command.Reason}";
    }
}
