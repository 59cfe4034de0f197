namespace EmergencyLink.Clinical.Wfdb;

/// <summary>
/// One signal of a WFDB record: its header fields (header(5)) and its raw samples in ADC units (adu).
/// </summary>
public sealed class WfdbSignal
{
    /// <summary>header(5): a missing or zero ADC gain means 200 adu per physical unit.</summary>
    public const double DefaultGain = 200;

    public WfdbSignal(WfdbSignalSpec spec, int[] samples)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(samples);
        Spec = spec;
        Samples = samples;
    }

    /// <summary>The header line this signal was read from.</summary>
    public WfdbSignalSpec Spec { get; }

    /// <summary>The description field (lead name, e.g. "MLII", "II", "v5").</summary>
    public string Name => Spec.Description;

    /// <summary>Physical units as written in the header ("mV" when absent).</summary>
    public string Units => Spec.Units;

    /// <summary>ADC units per physical unit.</summary>
    public double Gain => Spec.Gain;

    /// <summary>The sample value that corresponds to 0 physical units.</summary>
    public int Baseline => Spec.Baseline;

    public int AdcZero => Spec.AdcZero;

    /// <summary>Storage format code, e.g. 16 or 212.</summary>
    public int Format => Spec.Format;

    /// <summary>Raw samples in adu, one per sample number (times <see cref="WfdbSignalSpec.SamplesPerFrame"/>).</summary>
    public int[] Samples { get; }

    /// <summary>The 16-bit sum of <see cref="Samples"/>, to compare with the header's checksum.</summary>
    public int ComputedChecksum
    {
        get
        {
            var sum = 0;
            foreach (var sample in Samples)
            {
                sum = unchecked(sum + sample);
            }

            return (short)(sum & 0xFFFF);
        }
    }

    /// <summary>True when the header gives a checksum and the decoded samples sum to it (a check on the decoding).</summary>
    public bool ChecksumMatches => Spec.Checksum is { } expected && (short)expected == ComputedChecksum;

    /// <summary>
    /// The signal in millivolts: (raw − baseline) / gain, scaled from µV or V when the header's units say so.
    /// Samples holding the format's "invalid sample" code become <see cref="float.NaN"/>.
    /// </summary>
    public float[] ToMillivolts()
    {
        var scale = MillivoltsPerUnit(Units, Name) / Gain;
        var invalid = WfdbFormats.InvalidSample(Format);
        var result = new float[Samples.Length];
        for (var i = 0; i < Samples.Length; i++)
        {
            var raw = Samples[i];
            result[i] = raw == invalid ? float.NaN : (float)((raw - Baseline) * scale);
        }

        return result;
    }

    private static double MillivoltsPerUnit(string units, string name)
    {
        // WFDB headers spell millivolts "mV" (PTB-XL derived ones "mv"); a capital-M megavolt is never meant.
        switch (units.Trim())
        {
            case "mV" or "mv" or "MV" or "millivolt" or "millivolts":
                return 1;
            case "uV" or "uv" or "µV" or "μV" or "microvolt" or "microvolts":
                return 0.001;
            case "V" or "v" or "volt" or "volts":
                return 1000;
            case "nV" or "nv":
                return 1e-6;
            default:
                throw new InvalidOperationException(
                    $"Signal '{name}' is in '{units}', not a voltage; it cannot be expressed in millivolts.");
        }
    }
}
