namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// One set of observations for NEWS2, as measured (monitors give doubles). A null parameter was not measured; it is
/// reported as missing, never scored as 0. NEWS2 is validated for adults (16 and over) and not for pregnancy.
/// </summary>
/// <param name="RespirationRate">Breaths per minute.</param>
/// <param name="OxygenSaturation">SpO2 in per cent.</param>
/// <param name="OnSupplementalOxygen">True on oxygen, false on air.</param>
/// <param name="SystolicBloodPressure">mmHg.</param>
/// <param name="Pulse">Beats per minute.</param>
/// <param name="Consciousness">ACVPU.</param>
/// <param name="Temperature">Degrees Celsius.</param>
/// <param name="SpO2Scale">Scale 2 only for prescribed 88–92 % targets (hypercapnic respiratory failure).</param>
public sealed record News2Input(
    double? RespirationRate = null,
    double? OxygenSaturation = null,
    bool? OnSupplementalOxygen = null,
    double? SystolicBloodPressure = null,
    double? Pulse = null,
    Acvpu? Consciousness = null,
    double? Temperature = null,
    News2SpO2Scale SpO2Scale = News2SpO2Scale.Scale1);
