namespace EmergencyLink.Clinical.Scores;

/// <summary>Clinical risk bands of NEWS2 (RCP 2017, chart 3).</summary>
public enum News2Risk
{
    /// <summary>Aggregate 0–4 with no single parameter scoring 3.</summary>
    Low,

    /// <summary>A red score (3 in one parameter) with an aggregate below 5.</summary>
    LowMedium,

    /// <summary>Aggregate 5–6: the urgent response threshold.</summary>
    Medium,

    /// <summary>Aggregate 7 or more: the emergency response threshold.</summary>
    High,
}
