namespace EmergencyLink.Domain.Telemetry;

/// <summary>
/// A block of multi-lead ECG: <see cref="Samples"/>[lead][i] in raw units of <see cref="MicrovoltsPerUnit"/>, the
/// first sample being <see cref="FirstSample"/> counted from the start of the recording at <see cref="SampleRateHz"/>.
/// The standard 12 leads in the usual order (I, II, III, aVR, aVL, aVF, V1–V6) unless the lead names say otherwise.
/// </summary>
public sealed record EcgBlock(int SampleRateHz, double MicrovoltsPerUnit, long FirstSample, short[][] Samples)
{
    public static readonly IReadOnlyList<string> StandardLeads = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    public int SamplesPerLead => Samples.Length == 0 ? 0 : Samples[0].Length;
}
