namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// One 1 Hz reading as a monitor shows it (rounded as displayed); a null is a parameter without a reading at this
/// second — the NIBP fields between cuff cycles.
/// </summary>
public sealed record SyntheticVitalsSample(
    double ElapsedSeconds,
    double? HeartRate,
    double? SpO2,
    double? SystolicMmHg,
    double? DiastolicMmHg,
    double? MeanMmHg,
    double? RespiratoryRate,
    double? EtCO2MmHg,
    double? TemperatureC);
