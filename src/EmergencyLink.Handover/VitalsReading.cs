using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Handover;

/// <summary>One monitor sample (1 Hz) with the time it was taken in the patient.</summary>
public sealed record VitalsReading(DateTimeOffset At, VitalSigns Vitals);
