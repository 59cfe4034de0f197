namespace EmergencyLink.Grains;

/// <summary>The handover loop between crews and EDs (configuration section <c>Handover</c>).</summary>
public sealed class HandoverOptions
{
    public const string Section = "Handover";

    /// <summary>
    /// A pre-alert nobody in the ED acknowledged for this long is escalated to the ED's board and to dispatch, and again
    /// after each further interval until someone does (or the ambulance arrives).
    /// </summary>
    public TimeSpan PreAlertEscalationAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often a case with a waiting pre-alert checks whether an escalation is due; an escalation is at most this late.
    /// The check is the grain's clock against the stamped pre-alert, so it needs no timer per level.
    /// </summary>
    public TimeSpan EscalationCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The period of the persistent reminder a case keeps while a pre-alert waits. The timer above lives only in memory;
    /// if the node holding the case dies, this reminder (in the database) wakes the case on a surviving node, so an
    /// escalation is then at most this late (plus the time the cluster takes to declare the node dead). Orleans refuses
    /// reminders under its minimum period (1 minute by default); the host lowers that minimum to this value if shorter.
    /// </summary>
    public TimeSpan EscalationReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many handed-over cases a hospital keeps for its offload statistics (the most recent).</summary>
    public int OffloadHistory { get; set; } = 500;

    /// <summary>How many of those the offload report lists case by case.</summary>
    public int OffloadRecent { get; set; } = 20;
}
