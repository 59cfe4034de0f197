namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// Streaming single-lead QRS detector after Pan &amp; Tompkins (IEEE Trans Biomed Eng 1985;32:230-236), with filters
/// designed from the sampling rate (100–2000 Hz) and a bounded look-ahead. Push frames of any length as they arrive;
/// the beats reported are the same whatever the frame sizes.
/// </summary>
public sealed class QrsDetector
{
    private readonly QrsEngine _engine;
    private long _finishedAt = -1;

    public QrsDetector(double samplingRate)
    {
        _engine = new QrsEngine(samplingRate, 1);
    }

    public double SamplingRate => _engine.SamplingRate;

    /// <summary>
    /// The most look-ahead the detector needs: once sample R + DelaySamples has been pushed, a beat at R has been
    /// reported. Holds from the end of the learning period on (<see cref="LearningSamples"/>).
    /// </summary>
    public int DelaySamples => _engine.DelaySamples;

    public TimeSpan Delay => TimeSpan.FromSeconds(DelaySamples / SamplingRate);

    /// <summary>Thresholds are learnt over the first 2 s; beats in it are reported when it ends.</summary>
    public int LearningSamples => _engine.LearningSamples;

    public long SamplesPushed => _finishedAt >= 0 ? _finishedAt : _engine.SamplesPushed;

    /// <summary>Every beat before this sample number has been reported (0 during the learning period).</summary>
    public long SettledSample => _finishedAt >= 0 ? _finishedAt : _engine.SettledSample;

    /// <summary>
    /// Feeds the next samples (millivolts; NaN or infinite samples hold the previous value) and appends to
    /// <paramref name="beats"/> the R-peak sample numbers, counted from the first sample ever pushed, that have become
    /// certain. Returns how many were appended.
    /// </summary>
    public int Push(ReadOnlySpan<float> millivolts, List<long> beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        if (_finishedAt >= 0)
        {
            throw new InvalidOperationException("The detector was flushed; start a new one for a new stream.");
        }

        var added = 0;
        var block = _engine.BlockInput;
        var channel = _engine.Channel(0);
        for (var offset = 0; offset < millivolts.Length; offset += block)
        {
            channel.Process(millivolts.Slice(offset, Math.Min(block, millivolts.Length - offset)));
            added += _engine.Run(beats);
        }

        return added;
    }

    /// <summary>
    /// Ends the stream: decides what the look-ahead was waiting for as if the signal stayed at its last value, and
    /// appends those beats. Push may not be called afterwards.
    /// </summary>
    public int Flush(List<long> beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        if (_finishedAt >= 0)
        {
            return 0;
        }

        var end = _engine.SamplesPushed;
        var padding = _engine.DelaySamples + _engine.BlockInput + (int)Math.Max(0, _engine.LearningSamples - end);
        var before = beats.Count;
        var channel = _engine.Channel(0);
        var hold = new float[_engine.BlockInput];
        for (var done = 0; done < padding; done += hold.Length)
        {
            // NaN holds the last good sample in the front end.
            Array.Fill(hold, float.NaN);
            channel.Process(hold);
            _engine.Run(beats);
        }

        while (beats.Count > before && beats[^1] >= end)
        {
            beats.RemoveAt(beats.Count - 1);
        }

        _finishedAt = end;
        return beats.Count - before;
    }

    /// <summary>Detects every R peak of a whole recording with the same streaming core (then a final flush).</summary>
    public static long[] Detect(ReadOnlySpan<float> millivolts, double samplingRate)
    {
        var detector = new QrsDetector(samplingRate);
        var beats = new List<long>();
        detector.Push(millivolts, beats);
        detector.Flush(beats);
        return [.. beats];
    }
}
