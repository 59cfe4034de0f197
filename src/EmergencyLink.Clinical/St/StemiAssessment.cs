namespace EmergencyLink.Clinical.St;

/// <summary>
/// The STEMI criteria applied to one measurement. <see cref="Met"/> is a suggestion for a clinician, never a
/// diagnosis: the criteria ask for *new* ST elevation, which one ECG cannot show, and LBBB, paced rhythm, LV
/// hypertrophy and early repolarisation also raise ST. <see cref="Assessed"/> is false, and nothing else is
/// filled in, when the measurement was not reliable (<see cref="MeasurementQuality"/> says why).
/// <see cref="ElevatedLeads"/> lists every lead at or above its threshold, paired or not; <see cref="ContiguousPairs"/>
/// the pairs that satisfied the rule; <see cref="ReciprocalDepression"/> the leads opposite a met territory with ST
/// depression of at least 0.05 mV, all at the J point with J+60 ms beside it. <see cref="V2V3ThresholdMillivolts"/> is
/// the V2-V3 threshold chosen for the patient, <see cref="V2V3ThresholdAssumed"/> true when sex or age was missing and
/// the men-from-40 default stood in. <see cref="NoJPoint"/>: the measurement was reliable but no lead had a J-point
/// value (no clear end of QRS), so the criteria could not be applied; <see cref="JPointNoisy"/>: more than a quarter of
/// the leads were too noisy at the J point to be read.
/// </summary>
public sealed record StemiAssessment(
    bool Met,
    bool Assessed,
    StemiTerritory Territories,
    IReadOnlyList<LeadThresholdEvidence> ElevatedLeads,
    IReadOnlyList<ContiguousLeadPair> ContiguousPairs,
    IReadOnlyList<LeadThresholdEvidence> ReciprocalDepression,
    PatientSex Sex,
    int? AgeYears,
    double V2V3ThresholdMillivolts,
    StQuality MeasurementQuality,
    bool V2V3ThresholdAssumed = false,
    bool NoJPoint = false,
    bool JPointNoisy = false);
