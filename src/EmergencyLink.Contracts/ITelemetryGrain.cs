using EmergencyLink.Contracts.Telemetry;
using Orleans.Concurrency;

namespace EmergencyLink.Contracts;

/// <summary>
/// The server end of one vehicle's link, keyed by vehicle id: de-duplicates, tracks continuity, fans frames out to
/// the case's viewers and archives them. One activation per vehicle serialises its frames, so continuity needs no lock.
/// </summary>
public interface ITelemetryGrain : IGrainWithStringKey
{
    /// <summary>Takes a batch (already checked to be this vehicle's, by a crew token for it); the answer says what is safe.</summary>
    Task<UploadAck> IngestAsync(IReadOnlyList<TelemetryFrame> frames, long receivedMicros);

    /// <summary>
    /// The first half of <see cref="IngestAsync"/>: checks, de-duplicates, pushes to viewers and hands the batch to the
    /// archive, without waiting for the archive's commit. Batches are taken in the order of these calls.
    /// </summary>
    Task<UploadTicket> AcceptAsync(IReadOnlyList<TelemetryFrame> frames, long receivedMicros);

    /// <summary>
    /// The second half: waits until the ticket's batch and every batch taken before it are settled, and answers with
    /// what is durable. Throws when a frame the batch carried is not durable (its archive commit failed), so the gateway
    /// sends it again. Interleaves with <see cref="AcceptAsync"/>: a vehicle's next batch is taken and pushed while
    /// this one's commit is on its way to the disk.
    /// </summary>
    [AlwaysInterleave]
    Task<UploadAck> AcknowledgeAsync(UploadTicket ticket);
}
