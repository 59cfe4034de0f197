namespace EmergencyLink.Grains;

/// <summary>How often a busy unit re-checks that its case still holds it.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A claim younger than this is left alone: between a unit's claim and its case's commit there is a short
    /// window in which the case does not yet name the unit, and releasing it then would be wrong.
    /// </summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);
}
