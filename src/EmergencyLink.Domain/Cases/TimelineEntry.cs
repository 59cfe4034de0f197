namespace EmergencyLink.Domain.Cases;

/// <summary>
/// One stamped step of the medico-legal record. Entries are appended, never changed or removed.
/// </summary>
/// <param name="Sequence">1-based position in the timeline.</param>
/// <param name="At">UTC time the step was accepted.</param>
/// <param name="Actor">The authenticated user who caused it.</param>
/// <param name="Trigger">The trigger; null for the opening entry (the call itself).</param>
/// <param name="From">State before the step (equal to <paramref name="To"/> for the opening entry and re-entries).</param>
/// <param name="To">State after the step.</param>
/// <param name="Detail">What the step carried: unit, destination, disposition, reason.</param>
/// <param name="Event">Set when the entry records an event rather than a trigger (then <paramref name="Trigger"/> is null
/// and the state does not change).</param>
public sealed record TimelineEntry(
    int Sequence,
    DateTimeOffset At,
    string Actor,
    CaseTrigger? Trigger,
    CaseState From,
    CaseState To,
    string? Detail,
    TimelineEvent? Event = null);
