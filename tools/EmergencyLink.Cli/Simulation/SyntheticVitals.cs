using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.Simulation;

/// <summary>
/// Vitals at 1 Hz that move like a patient's: each parameter is a slow random walk around a baseline that itself
/// drifts with the trend (a deteriorating patient: rising heart and breathing rate, falling saturation and blood
/// pressure over about twenty minutes), plus the jitter of a real monitor. NIBP is a cuff: it changes every few minutes.
/// </summary>
public sealed class SyntheticVitals(PatientTrend trend, Random random)
{
    private double heartRate = 92;
    private double spo2 = 95;
    private double systolic = 128;
    private double respiratory = 18;
    private double etco2 = 36;
    private double temperature = 37.1;
    private int seconds;
    private (double Sys, double Dia, double Mean) cuff = (128, 82, 97);

    public double HeartRate => heartRate;

    public VitalSigns Next()
    {
        var drift = trend switch
        {
            PatientTrend.Deteriorating => 1.0,
            PatientTrend.Improving => -0.6,
            _ => 0.0,
        } / 1200;
        heartRate = Walk(heartRate, 92 + (drift * seconds * 40), 0.4, 35, 190);
        spo2 = Walk(spo2, 95 - (drift * seconds * 10), 0.15, 70, 100);
        systolic = Walk(systolic, 128 - (drift * seconds * 35), 0.5, 60, 220);
        respiratory = Walk(respiratory, 18 + (drift * seconds * 10), 0.15, 6, 45);
        etco2 = Walk(etco2, 36 - (drift * seconds * 6), 0.2, 15, 60);
        temperature = Walk(temperature, 37.1 + (drift * seconds * 1.2), 0.005, 34, 41);
        if (seconds % 180 == 0)
        {
            var diastolic = systolic * 0.64;
            cuff = (Math.Round(systolic), Math.Round(diastolic), Math.Round(diastolic + ((systolic - diastolic) / 3)));
        }

        seconds++;
        return new VitalSigns(
            Math.Round(heartRate), Math.Round(Math.Min(100, spo2)), cuff.Sys, cuff.Dia, cuff.Mean,
            Math.Round(respiratory), Math.Round(etco2), Math.Round(temperature, 1));
    }

    private double Walk(double value, double target, double step, double min, double max) =>
        Math.Clamp(value + ((target - value) * 0.05) + ((random.NextDouble() - 0.5) * 2 * step), min, max);
}
