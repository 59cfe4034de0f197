namespace EmergencyLink.Domain.Handover;

/// <summary>One stamped step of a handover loop. Steps are appended, never changed or removed.</summary>
/// <param name="Sequence">1-based position in the loop.</param>
/// <param name="At">UTC time the step was accepted.</param>
/// <param name="Actor">Who caused it: a user, or "system" for an escalation.</param>
/// <param name="Trigger">What moved the loop.</param>
/// <param name="From">State before the step; null for the first pre-alert, which opens the loop.</param>
/// <param name="To">State after the step.</param>
/// <param name="Detail">The pre-alert's message, the escalation, the case step that caused it.</param>
/// <param name="Level">Escalate steps only: the level reached, n meaning n intervals unacknowledged.</param>
public sealed record HandoverStep(
    int Sequence,
    DateTimeOffset At,
    string Actor,
    HandoverLoopTrigger Trigger,
    HandoverLoopState? From,
    HandoverLoopState To,
    string? Detail,
    int? Level = null);
