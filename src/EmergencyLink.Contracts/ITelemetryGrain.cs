using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Contracts;

/// <summary>
/// The server end of one vehicle's link, keyed by vehicle id: de-duplicates, tracks continuity, fans frames out to
/// the case's viewers and archives them. One activation per vehicle serialises its frames, so continuity needs no lock.
/// </summary>
public interface ITelemetryGrain : IGrainWithStringKey
{
    /// <summary>Takes a batch (already checked to be this vehicle's, by a crew token for it); the answer says what is safe.</summary>
    Task<UploadAck> IngestAsync(IReadOnlyList<TelemetryFrame> frames, long receivedMicros);
}
