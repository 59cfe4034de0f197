namespace EmergencyLink.Domain.Handover;

/// <summary>
/// The closed loop between the crew of a case and one receiving ED: pre-alert, its acknowledgement, arrival, transfer
/// of care and the crew's confirmation, or the ED's stand-down when the patient goes elsewhere. Only
/// <see cref="HandoverLoops"/> changes it, by replacing it with a copy one stamped step longer.
/// </summary>
/// <param name="Id">Stable within the case: "L1", "L2", … in the order the EDs were pre-alerted.</param>
/// <param name="HospitalId">The ED this loop is with.</param>
/// <param name="State">Where the loop stands.</param>
/// <param name="Steps">Every step, in order; the first is the pre-alert that opened the loop.</param>
public sealed record HandoverLoop(string Id, string HospitalId, HandoverLoopState State, IReadOnlyList<HandoverStep> Steps)
{
    /// <summary>The latest pre-alert message, if the crew wrote one.</summary>
    public string? Message => Steps.LastOrDefault(s => s.Trigger == HandoverLoopTrigger.SendPreAlert)?.Detail;

    /// <summary>While the pre-alert waits for the ED: since when. A re-send while waiting does not restart the clock.</summary>
    public DateTimeOffset? AwaitingAcknowledgementSince =>
        State == HandoverLoopState.PreAlertSent
            ? Steps.Last(s => s.To == HandoverLoopState.PreAlertSent && s.From != HandoverLoopState.PreAlertSent).At
            : null;

    /// <summary>The level the current wait has been escalated to (0 when not escalated, or not waiting).</summary>
    public int EscalationLevel => AwaitingAcknowledgementSince is { } since
        ? Steps.LastOrDefault(s => s.Trigger == HandoverLoopTrigger.Escalate && s.At >= since)?.Level ?? 0
        : 0;

    public DateTimeOffset PreAlertSentAt => Steps[0].At;

    public HandoverStep? PreAlertAcknowledgement => Last(HandoverLoopTrigger.AcknowledgePreAlert);

    public DateTimeOffset? ArrivedAt => Last(HandoverLoopTrigger.ArriveHospital)?.At;

    public DateTimeOffset? TransferOfCareAt => Last(HandoverLoopTrigger.Handover)?.At;

    /// <summary>The ambulance's offload interval ("wall time"): arrival at the ED to transfer of care.</summary>
    public TimeSpan? OffloadInterval => ArrivedAt is { } arrived && TransferOfCareAt is { } transferred ? transferred - arrived : null;

    /// <summary>The patient is still expected here.</summary>
    public bool IsOpen => State is HandoverLoopState.PreAlertSent or HandoverLoopState.PreAlertAcknowledged;

    /// <summary>The ED has something to acknowledge: a pre-alert, a redirect or a cancellation.</summary>
    public bool AwaitsEd => State is HandoverLoopState.PreAlertSent or HandoverLoopState.Redirected or HandoverLoopState.Cancelled;

    private HandoverStep? Last(HandoverLoopTrigger trigger) => Steps.LastOrDefault(s => s.Trigger == trigger);
}
