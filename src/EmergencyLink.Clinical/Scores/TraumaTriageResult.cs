namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Field triage suggestion with its evidence: every criterion met, what could not be assessed for lack of a
/// measurement, and advisory notes. A suggestion to the crew, not a diagnosis: <see cref="Level"/> None on incomplete
/// findings means "nothing met so far", which <see cref="Recommendation"/> says.
/// </summary>
public sealed record TraumaTriageResult(
    IReadOnlyList<TraumaCriterionMet> CriteriaMet,
    IReadOnlyList<string> NotAssessed,
    IReadOnlyList<string> Advice)
{
    public TraumaTriageLevel Level => CriteriaMet.Count == 0
        ? TraumaTriageLevel.None
        : CriteriaMet.Max(c => c.Level);

    /// <summary>Meets a red (high-risk) criterion.</summary>
    public bool IsMajorTrauma => Level == TraumaTriageLevel.Red;

    /// <summary>The guideline's transport recommendation for the level, and a warning when findings are incomplete.</summary>
    public string Recommendation
    {
        get
        {
            var text = Level switch
            {
                TraumaTriageLevel.Red =>
                    "Meets RED criteria (high risk for serious injury): the guideline advises transport to the "
                    + "highest-level trauma centre available within the geographic constraints of the regional trauma "
                    + "system.",
                TraumaTriageLevel.Yellow =>
                    "Meets YELLOW criteria and no RED criterion (moderate risk for serious injury): the guideline "
                    + "advises preferential transport to a trauma centre, which need not be the highest-level one.",
                _ => "No field triage criterion met on the findings entered.",
            };
            return NotAssessed.Count == 0 || Level == TraumaTriageLevel.Red
                ? text
                : text + $" Not assessed: {string.Join("; ", NotAssessed)}.";
        }
    }
}
