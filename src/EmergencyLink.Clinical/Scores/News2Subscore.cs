namespace EmergencyLink.Clinical.Scores;

/// <summary>What one parameter scored, and why: the value as entered and the chart band it fell into.</summary>
/// <param name="Parameter">The chart row.</param>
/// <param name="Value">The observation as entered, with its unit (and the charted value when rounding changed it).</param>
/// <param name="Points">0–3.</param>
/// <param name="Band">The chart band, as printed on the chart (e.g. "21–24").</param>
public sealed record News2Subscore(News2Parameter Parameter, string Value, int Points, string Band)
{
    public bool IsRedScore => Points == 3;

    public string Evidence => $"{News2.Describe(Parameter)}: {Value}, band {Band}, scores {Points}";
}
