namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// A NEWS2 with its evidence. When parameters are missing, <see cref="Total"/> is the sum of those that were measured
/// and is therefore a lower bound: the missing ones could only add points. <see cref="Risk"/> is read from that lower
/// bound, <see cref="MaximumPossibleTotal"/> says how high the score could be, and the response text says the score is
/// incomplete, so nobody mistakes an unmeasured parameter for a normal one.
/// </summary>
public sealed record News2Result(IReadOnlyList<News2Subscore> Subscores, IReadOnlyList<News2Parameter> Missing)
{
    public int Total => Subscores.Sum(s => s.Points);

    public bool IsComplete => Missing.Count == 0;

    /// <summary>Any single parameter scoring 3 (RCP 2017: a "red score", which on its own triggers an urgent ward-based review).</summary>
    public bool HasRedScore => Subscores.Any(s => s.IsRedScore);

    public IReadOnlyList<News2Subscore> RedScores => Subscores.Where(s => s.IsRedScore).ToList();

    /// <summary>The total if every missing parameter scored its chart maximum.</summary>
    public int MaximumPossibleTotal => Total + Missing.Sum(News2.MaximumPoints);

    /// <summary>
    /// Risk band of <see cref="Total"/>. When incomplete this is a floor: missing parameters can only raise it.
    /// </summary>
    public News2Risk Risk => Total switch
    {
        >= 7 => News2Risk.High,
        >= 5 => News2Risk.Medium,
        _ when HasRedScore => News2Risk.LowMedium,
        _ => News2Risk.Low,
    };

    /// <summary>
    /// Minimum monitoring frequency from RCP 2017 chart 4. An incomplete score that has not reached a trigger gives no
    /// frequency, because "12-hourly" on half the observations would be false reassurance.
    /// </summary>
    public string MonitoringFrequency => Risk switch
    {
        News2Risk.High => "Continuous monitoring of vital signs",
        News2Risk.Medium or News2Risk.LowMedium => "Minimum 1-hourly",
        _ when !IsComplete => "Not determined until every parameter is measured",
        _ when Total == 0 => "Minimum 12-hourly",
        _ => "Minimum 4–6-hourly",
    };

    /// <summary>
    /// The RCP 2017 chart 4 clinical response for this score (reproduced with acknowledgement of the Royal College of
    /// Physicians). When incomplete, it says what is missing; a response already triggered by the measured parameters
    /// stands (missing ones cannot lower it), but the low-risk responses are withheld.
    /// </summary>
    public string ClinicalResponse
    {
        get
        {
            var response = Risk switch
            {
                News2Risk.High =>
                    "Emergency response threshold: registered nurse to immediately inform the medical team caring for "
                    + "the patient (at least specialist registrar level); emergency assessment by a team with critical "
                    + "care competencies, including practitioner(s) with advanced airway management skills; consider "
                    + "transfer of care to a level 2 or 3 clinical care facility (higher-dependency unit or ICU); "
                    + "clinical care in an environment with monitoring facilities.",
                News2Risk.Medium =>
                    "Urgent response threshold: registered nurse to immediately inform the medical team caring for the "
                    + "patient; registered nurse to request urgent assessment by a clinician or team with core "
                    + "competencies in the care of acutely ill patients; provide clinical care in an environment with "
                    + "monitoring facilities.",
                News2Risk.LowMedium =>
                    "Red score in a single parameter: registered nurse to inform the medical team caring for the "
                    + "patient, who will review and decide whether escalation of care is necessary.",
                _ when !IsComplete => "The measured parameters alone do not reach a trigger threshold.",
                _ when Total == 0 => "Continue routine NEWS monitoring.",
                _ =>
                    "Inform registered nurse, who must assess the patient; registered nurse decides whether increased "
                    + "frequency of clinical monitoring and/or escalation of care is required.",
            };
            if (IsComplete)
            {
                return $"NEWS2 {Total} ({Risk} clinical risk). {MonitoringFrequency}. {response}";
            }

            var missing = string.Join(", ", Missing.Select(News2.Describe));
            var floor = Risk == News2Risk.Low ? string.Empty : $"At least {Risk} clinical risk. {MonitoringFrequency}. ";
            return $"Incomplete NEWS2: not measured: {missing}. Score {Total} on what was measured, up to "
                + $"{MaximumPossibleTotal} with the rest; measure the missing parameters. {floor}{response}";
        }
    }
}
