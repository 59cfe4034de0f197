namespace EmergencyLink.Domain.Telemetry;

/// <summary>What a channel carries; ultrasound is a video channel with its own id.</summary>
public enum TelemetryKind
{
    Vitals,
    Ecg,
    Video,
}
