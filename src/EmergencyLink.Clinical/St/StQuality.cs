namespace EmergencyLink.Clinical.St;

/// <summary>
/// Why a window's ST values should not be trusted. Any flag makes the measurement unreliable, and
/// <see cref="StemiCriteria"/> never reports a STEMI from an unreliable measurement.
/// </summary>
[Flags]
public enum StQuality
{
    Good = 0,

    /// <summary>Fewer dominant beats than <see cref="StAnalyzerOptions.MinimumBeats"/> were left after excluding
    /// ectopic, premature and odd-looking beats (or none were given).</summary>
    TooFewBeats = 1,

    /// <summary>The beat-to-beat spread of the ST value is too large in more than a quarter of the leads.</summary>
    Noisy = 2,

    /// <summary>No quiet segment before the QRS was found, so there is no trustworthy PR baseline.</summary>
    FiducialsUncertain = 4,
}
