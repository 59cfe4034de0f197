using EmergencyLink.Clinical.Synthetic;

namespace EmergencyLink.Clinical.Tests.Synthetic;

/// <summary>A generated stretch of ECG with its generator, and the measurements the tests make on it.</summary>
internal sealed class EcgRun
{
    private EcgRun(SyntheticEcg generator, float[][] leads)
    {
        Generator = generator;
        Leads = leads;
    }

    public SyntheticEcg Generator { get; }

    public float[][] Leads { get; }

    public double Rate => Generator.SamplingRateHz;

    public static EcgRun Generate(SyntheticEcgOptions options, double seconds)
    {
        var generator = new SyntheticEcg(options);
        var leads = generator.Next((int)Math.Round(seconds * options.SamplingRateHz));
        return new EcgRun(generator, leads);
    }

    public float[] Lead(string name) => Leads[SyntheticEcg.LeadNames.ToList().IndexOf(name)];

    /// <summary>Beats whose whole cycle, from P onset to T end, lies inside the generated samples.</summary>
    public IEnumerable<SyntheticBeat> CompleteBeats() =>
        Generator.Beats.Where(b => (b.PWaveOnsetSample ?? b.QrsOnsetSample) >= 0 && b.TEndSample < Leads[0].Length);

    /// <summary>Mean of the PR segment, from the end of the P wave to QRS onset.</summary>
    public double PrBaseline(float[] lead, SyntheticBeat beat)
    {
        var from = beat.PWaveEndSample ?? throw new InvalidOperationException("No P wave.");
        var sum = 0.0;
        for (var i = from; i <= beat.QrsOnsetSample; i++)
        {
            sum += lead[i];
        }

        return sum / (beat.QrsOnsetSample - from + 1);
    }

    /// <summary>The ST deviation read where a cardiologist reads it: J+60 ms against the PR segment.</summary>
    public double StAtJPlus60(float[] lead, SyntheticBeat beat) =>
        lead[beat.JPointSample + (long)Math.Round(0.060 * Rate)] - PrBaseline(lead, beat);

    public static double[] RrSeconds(IReadOnlyList<long> peaks, double rate) =>
        [.. peaks.Zip(peaks.Skip(1), (a, b) => (b - a) / rate)];
}
