namespace EmergencyLink.Clinical.Scores;

/// <summary>The boxes of the 2021 field triage chart: two red, two yellow.</summary>
public enum TraumaCriterionGroup
{
    InjuryPattern,
    MentalStatusAndVitalSigns,
    MechanismOfInjury,
    EmsJudgment,
}
