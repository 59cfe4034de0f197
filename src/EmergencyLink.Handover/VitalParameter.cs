namespace EmergencyLink.Handover;

/// <summary>A vital sign charted in the handover; blood pressure is one parameter (systolic and diastolic together).</summary>
public enum VitalParameter
{
    HeartRate,
    OxygenSaturation,
    RespiratoryRate,
    BloodPressure,
    BodyTemperature,
    EndTidalCo2,
}
