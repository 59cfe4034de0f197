namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// What the crew found on BE-FAST. A sign left false was looked for and not found. <paramref name="LastKnownWell"/> is
/// the witnessed onset time if there is one, otherwise the last time the patient was seen at their usual self (a
/// wake-up stroke's last known well is when they went to sleep); null when nobody knows.
/// </summary>
/// <param name="Balance">Sudden loss of balance or coordination.</param>
/// <param name="Eyes">Sudden loss of vision, double vision or visual field loss.</param>
/// <param name="Face">Facial droop.</param>
/// <param name="Arm">Arm (or leg) weakness or drift.</param>
/// <param name="Speech">Slurred speech, aphasia.</param>
/// <param name="LastKnownWell">Onset or last known well.</param>
public sealed record BeFastFindings(
    bool Balance = false,
    bool Eyes = false,
    bool Face = false,
    bool Arm = false,
    bool Speech = false,
    DateTimeOffset? LastKnownWell = null);
