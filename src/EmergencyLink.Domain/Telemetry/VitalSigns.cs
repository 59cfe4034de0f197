namespace EmergencyLink.Domain.Telemetry;

/// <summary>One vital-signs sample (1 Hz from the monitor); null where the monitor has no reading.</summary>
public sealed record VitalSigns(
    double? HeartRate,
    double? SpO2,
    double? SystolicMmHg,
    double? DiastolicMmHg,
    double? MeanMmHg,
    double? RespiratoryRate,
    double? EtCO2MmHg,
    double? TemperatureC);
