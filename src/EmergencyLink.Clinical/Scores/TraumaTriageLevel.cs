namespace EmergencyLink.Clinical.Scores;

/// <summary>The 2021 field triage guideline's two risk levels, and none.</summary>
public enum TraumaTriageLevel
{
    None,

    /// <summary>Moderate risk for serious injury: a trauma centre, which need not be the highest level.</summary>
    Yellow,

    /// <summary>High risk for serious injury: the highest-level trauma centre available.</summary>
    Red,
}
