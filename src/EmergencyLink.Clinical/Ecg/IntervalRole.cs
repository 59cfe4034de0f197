namespace EmergencyLink.Clinical.Ecg;

/// <summary>What <see cref="EctopicIntervals"/> makes of one RR interval.</summary>
public enum IntervalRole : byte
{
    /// <summary>Not accounted for by a premature beat: the underlying rhythm (or an unexplained interval).</summary>
    Underlying,

    /// <summary>Ends the first premature beat of a run: its coupling interval.</summary>
    Coupling,

    /// <summary>Ends a later beat of the run, or the beat after it (the pause).</summary>
    Ectopic,
}
