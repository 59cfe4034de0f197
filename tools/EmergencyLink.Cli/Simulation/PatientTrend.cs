namespace EmergencyLink.Cli.Simulation;

/// <summary>Where a simulated patient's vitals drift over the transport.</summary>
public enum PatientTrend
{
    Stable,
    Deteriorating,
    Improving,
}
