namespace EmergencyLink.Clinical.Wfdb;

/// <summary>A WFDB record: header fields, its signals with their samples, and the header's '#' comment lines.</summary>
public sealed class WfdbRecord
{
    public WfdbRecord(
        string name,
        double samplingRate,
        long sampleCount,
        IReadOnlyList<WfdbSignal> signals,
        IReadOnlyList<string> comments)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(comments);
        Name = name;
        SamplingRate = samplingRate;
        SampleCount = sampleCount;
        Signals = signals;
        Comments = comments;
    }

    public string Name { get; }

    /// <summary>Samples per second per signal (frame rate), in Hz.</summary>
    public double SamplingRate { get; }

    /// <summary>Number of samples (frames) per signal.</summary>
    public long SampleCount { get; }

    public IReadOnlyList<WfdbSignal> Signals { get; }

    /// <summary>Text of the header's comment lines, without the leading '#' and surrounding blanks.</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>The signal whose name (description) is <paramref name="leadName"/>, ignoring case; null when none.</summary>
    public WfdbSignal? Find(string leadName)
    {
        ArgumentNullException.ThrowIfNull(leadName);
        foreach (var signal in Signals)
        {
            if (string.Equals(signal.Name, leadName.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return signal;
            }
        }

        return null;
    }
}
