namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Which SpO2 row of the NEWS2 chart applies. RCP 2017: scale 2 only for patients with hypercapnic respiratory failure
/// whose prescribed target is 88–92 %, on the decision of a competent clinician; everyone else is scored on scale 1.
/// </summary>
public enum News2SpO2Scale
{
    Scale1,
    Scale2,
}
