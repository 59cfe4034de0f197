using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Live;

/// <summary>
/// One unbroken run of the analysis: fused QRS detection, rhythm and streaming ST over samples numbered from
/// <see cref="Origin"/> (the stream's sample number of the chain's first sample). A coverage hole or a change of rate
/// or lead count starts a new chain.
/// </summary>
internal sealed class EcgChain
{
    public EcgChain(int leads, int rateHz, long origin, IReadOnlyList<string> leadNames)
    {
        Leads = leads;
        RateHz = rateHz;
        Origin = origin;
        NextSample = origin;
        Detector = new MultiLeadQrsDetector(rateHz, leads);
        Rhythm = new RhythmAnalyzer(rateHz);
        Last = new float[leads];
        if (rateHz >= StAnalyzer.MinimumSamplingRateHz && rateHz <= StAnalyzer.MaximumSamplingRateHz)
        {
            // The stream closes a window once every beat in it must have been reported; the detector's own bounded
            // delay says when that is, so no beat arrives after its window was measured.
            var options = StAnalyzerOptions.Default with { BeatReportDelaySeconds = Math.Min(10, Detector.Delay.TotalSeconds + 0.05) };
            St = new StAnalyzer(leadNames, rateHz, options).CreateStream();
            WindowSeconds = options.WindowSeconds;
        }
    }

    public int Leads { get; }

    public int RateHz { get; }

    public long Origin { get; }

    /// <summary>The stream sample number the next pushed sample must have to continue this chain.</summary>
    public long NextSample { get; set; }

    public MultiLeadQrsDetector Detector { get; }

    public RhythmAnalyzer Rhythm { get; }

    /// <summary>Null below 250 Hz, where ST cannot be measured (<see cref="StAnalyzer.MinimumSamplingRateHz"/>).</summary>
    public StStream? St { get; }

    public double WindowSeconds { get; }

    /// <summary>Each lead's last sample, held across a bridged hole.</summary>
    public float[] Last { get; }

    /// <summary>How many completed rhythm episodes were already looked at.</summary>
    public int EpisodesSeen { get; set; }
}
