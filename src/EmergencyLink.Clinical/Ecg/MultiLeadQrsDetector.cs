namespace EmergencyLink.Clinical.Ecg;

/// <summary>
/// Streaming QRS detector over several simultaneous leads (e.g. a 12-lead stream). Each lead's Pan–Tompkins integral
/// is scaled to that lead's own QRS level and the leads are fused sample by sample (mean of two; median of three or
/// more), so a noisy or disconnected lead neither drops beats nor adds them. Same contract as <see cref="QrsDetector"/>.
/// </summary>
public sealed class MultiLeadQrsDetector
{
    private readonly QrsEngine _engine;
    private readonly float[][] _scratch;
    private long _finishedAt = -1;

    public MultiLeadQrsDetector(double samplingRate, int leadCount)
    {
        _engine = new QrsEngine(samplingRate, leadCount);
        _scratch = new float[leadCount][];
        for (var l = 0; l < leadCount; l++)
        {
            _scratch[l] = new float[_engine.BlockInput];
        }
    }

    public double SamplingRate => _engine.SamplingRate;

    public int LeadCount => _engine.Leads;

    /// <inheritdoc cref="QrsDetector.DelaySamples"/>
    public int DelaySamples => _engine.DelaySamples;

    public TimeSpan Delay => TimeSpan.FromSeconds(DelaySamples / SamplingRate);

    public int LearningSamples => _engine.LearningSamples;

    public long SamplesPushed => _finishedAt >= 0 ? _finishedAt : _engine.SamplesPushed;

    public long SettledSample => _finishedAt >= 0 ? _finishedAt : _engine.SettledSample;

    /// <summary>Feeds one frame per lead (all the same length, in lead order) and appends the beats that became certain.</summary>
    public int Push(IReadOnlyList<float[]> leadFrames, List<long> beats)
    {
        ArgumentNullException.ThrowIfNull(leadFrames);
        ArgumentNullException.ThrowIfNull(beats);
        ThrowIfFinished();
        if (leadFrames.Count != LeadCount)
        {
            throw new ArgumentException($"Expected {LeadCount} lead frames, got {leadFrames.Count}.", nameof(leadFrames));
        }

        var length = leadFrames[0].Length;
        foreach (var frame in leadFrames)
        {
            if (frame.Length != length)
            {
                throw new ArgumentException("Every lead's frame must hold the same number of samples.", nameof(leadFrames));
            }
        }

        var added = 0;
        var block = _engine.BlockInput;
        for (var offset = 0; offset < length; offset += block)
        {
            var count = Math.Min(block, length - offset);
            for (var l = 0; l < LeadCount; l++)
            {
                _engine.Channel(l).Process(leadFrames[l].AsSpan(offset, count));
            }

            added += _engine.Run(beats);
        }

        return added;
    }

    /// <summary>Feeds interleaved frames (sample t of lead l at t × LeadCount + l), as telemetry carries them.</summary>
    public int PushInterleaved(ReadOnlySpan<float> frames, List<long> beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        ThrowIfFinished();
        var leads = LeadCount;
        if (frames.Length % leads != 0)
        {
            throw new ArgumentException($"Interleaved frames must hold a multiple of {leads} samples.", nameof(frames));
        }

        var samples = frames.Length / leads;
        var added = 0;
        var block = _engine.BlockInput;
        for (var offset = 0; offset < samples; offset += block)
        {
            var count = Math.Min(block, samples - offset);
            for (var t = 0; t < count; t++)
            {
                var source = (offset + t) * leads;
                for (var l = 0; l < leads; l++)
                {
                    _scratch[l][t] = frames[source + l];
                }
            }

            for (var l = 0; l < leads; l++)
            {
                _engine.Channel(l).Process(_scratch[l].AsSpan(0, count));
            }

            added += _engine.Run(beats);
        }

        return added;
    }

    /// <inheritdoc cref="QrsDetector.Flush"/>
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
        var hold = new float[_engine.BlockInput];
        Array.Fill(hold, float.NaN);
        for (var done = 0; done < padding; done += hold.Length)
        {
            for (var l = 0; l < LeadCount; l++)
            {
                _engine.Channel(l).Process(hold);
            }

            _engine.Run(beats);
        }

        while (beats.Count > before && beats[^1] >= end)
        {
            beats.RemoveAt(beats.Count - 1);
        }

        _finishedAt = end;
        return beats.Count - before;
    }

    public static long[] Detect(IReadOnlyList<float[]> leads, double samplingRate)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var detector = new MultiLeadQrsDetector(samplingRate, leads.Count);
        var beats = new List<long>();
        detector.Push(leads, beats);
        detector.Flush(beats);
        return [.. beats];
    }

    private void ThrowIfFinished()
    {
        if (_finishedAt >= 0)
        {
            throw new InvalidOperationException("The detector was flushed; start a new one for a new stream.");
        }
    }
}
