using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>What an archive keeps of a frame's payload and how it is given back, the same in every archive.</summary>
internal static class ArchivedPayload
{
    /// <summary>ECG compacted (<see cref="EcgCompaction"/>); video only when configured (null: sequence kept, picture not).</summary>
    public static byte[]? Stored(TelemetryFrame frame, bool archiveVideo) => frame.Kind switch
    {
        TelemetryKind.Ecg when TelemetryCodec.TryDecodeEcg(frame.Payload, out var block, out _) => EcgCompaction.Compact(block),
        TelemetryKind.Video when !archiveVideo => null,
        _ => frame.Payload,
    };

    public static byte[] Restored(TelemetryKind kind, byte[] stored) =>
        kind == TelemetryKind.Ecg ? TelemetryCodec.EncodeEcg(EcgCompaction.Expand(stored)) : stored;
}
