using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Consoles.Live;

/// <summary>The host's late-joiner replay: the last seconds of a case's telemetry from the archive, as the ED hub gives a screen opening the patient.</summary>
public interface ICaseReplay
{
    Task<TelemetryDelivery> LastSecondsAsync(string caseId);
}
