namespace EmergencyLink.Domain.Destinations;

/// <summary>The crew's working diagnosis, as far as it decides where the patient must go.</summary>
public enum WorkingDiagnosis
{
    General,
    Stemi,
    LargeVesselStroke,
    Stroke,
    MajorTrauma,
    Paediatric,
}
