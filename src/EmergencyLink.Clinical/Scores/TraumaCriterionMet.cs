namespace EmergencyLink.Clinical.Scores;

/// <summary>One criterion met, with the finding that met it, e.g. "meets red criterion: RR 8 /min &lt; 10".</summary>
public sealed record TraumaCriterionMet(
    TraumaCriterion Criterion, TraumaCriterionGroup Group, TraumaTriageLevel Level, string Evidence);
