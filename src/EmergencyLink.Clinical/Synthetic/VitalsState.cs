namespace EmergencyLink.Clinical.Synthetic;

/// <summary>A set of underlying vital-sign values (what the patient is, before monitor noise and rounding).</summary>
public sealed record VitalsState(
    double HeartRate,
    double SpO2,
    double SystolicMmHg,
    double DiastolicMmHg,
    double RespiratoryRate,
    double EtCO2MmHg,
    double TemperatureC)
{
    /// <summary>A healthy adult at rest: every parameter scores 0 on NEWS2.</summary>
    public static VitalsState Normal { get; } = new(76, 98, 122, 78, 14, 38, 36.9);

    /// <summary>
    /// Septic shock as a NEWS2 picture (Royal College of Physicians 2017): RR ≥ 25, SpO2 ≤ 91 %, systolic ≤ 90 mmHg
    /// score 3 each, HR 111–130 scores 2, temperature 38.1–39.0 °C scores 1 — an aggregate of 12, far past the
    /// emergency-response threshold of 7. EtCO2 falls as ventilation rises and perfusion fails.
    /// </summary>
    public static VitalsState SepticShock { get; } = new(128, 89, 82, 46, 29, 27, 38.8);
}
