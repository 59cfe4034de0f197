using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.Simulation;

/// <summary>
/// A synthetic patient (<see cref="SyntheticScenarios"/>) as the gateway sends it: ECG frames in the link's integer
/// units and 1 Hz vitals. The ECG and the vitals run on separate timers while the vitals steer the ECG's rate, so
/// one lock keeps the generator's state whole.
/// </summary>
public sealed class PatientFeed(SyntheticPatient patient)
{
    private const double MicrovoltsPerUnit = 1;
    private readonly Lock gate = new();
    private long sample;

    public string Name => patient.Name;

    public EcgBlock NextEcg(int samples)
    {
        lock (gate)
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

            var block = new EcgBlock((int)patient.Ecg.SamplingRateHz, MicrovoltsPerUnit, sample, raw);
            sample += samples;

            // A long transport must not keep every beat it ever generated.
            patient.Ecg.ForgetBeatsBefore(sample - (10 * (long)patient.Ecg.SamplingRateHz));
            return block;
        }
    }

    public VitalSigns NextVitals()
    {
        lock (gate)
        {
            var v = patient.NextVitals();
            return new VitalSigns(v.HeartRate, v.SpO2, v.SystolicMmHg, v.DiastolicMmHg, v.MeanMmHg, v.RespiratoryRate, v.EtCO2MmHg, v.TemperatureC);
        }
    }
}
