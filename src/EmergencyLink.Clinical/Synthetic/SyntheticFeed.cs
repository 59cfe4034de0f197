using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// A synthetic patient as a monitor hands it to the vehicle link: ECG blocks in the link's integer units (1 µV per
/// unit) numbered by sample, and 1 Hz vitals. The host's demo mode streams it; the CLI simulator has its own copy
/// (<c>PatientFeed</c>) because it also runs a gateway. Not thread-safe: one caller drives it.
/// </summary>
public sealed class SyntheticFeed(SyntheticPatient patient)
{
    public const double MicrovoltsPerUnit = 1;
    private long sample;

    public string Name => patient.Name;

    public int SamplingRateHz => (int)patient.Ecg.SamplingRateHz;

    /// <summary>The index of the next sample (every lead), counting from 0 at the start of the feed.</summary>
    public long NextSample => sample;

    public EcgBlock NextEcg(int samples)
    {
        var leads = patient.Ecg.Next(samples);
        var raw = new short[leads.Length][];
        for (var l = 0; l < leads.Length; l++)
        {
            raw[l] = new short[samples];
            for (var i = 0; i < samples; i++)
            {
                raw[l][i] = (short)Math.Clamp(Math.Round(leads[l][i] * 1000 / MicrovoltsPerUnit), short.MinValue, short.MaxValue);
            }
        }

        var block = new EcgBlock(SamplingRateHz, MicrovoltsPerUnit, sample, raw);
        sample += samples;

        // A long transport must not keep every beat it ever generated.
        patient.Ecg.ForgetBeatsBefore(sample - (10 * (long)patient.Ecg.SamplingRateHz));
        return block;
    }

    public VitalSigns NextVitals()
    {
        var v = patient.NextVitals();
        return new VitalSigns(v.HeartRate, v.SpO2, v.SystolicMmHg, v.DiastolicMmHg, v.MeanMmHg, v.RespiratoryRate, v.EtCO2MmHg, v.TemperatureC);
    }
}
