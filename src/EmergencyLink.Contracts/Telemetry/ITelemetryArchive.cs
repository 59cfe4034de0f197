namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// Where frames are kept for the case record. Idempotent on (vehicle, channel, sequence): storing a frame twice keeps
/// the first. A store's task completes only once it is durable, so a frame is acknowledged to the gateway (and may
/// leave its outbox) only after that.
/// </summary>
public interface ITelemetryArchive
{
    Task StoreAsync(IReadOnlyList<ArchiveEntry> entries, IReadOnlyList<DuplicateCount> duplicates);

    /// <summary>Per channel of the vehicle, the sequences held and the duplicates counted.</summary>
    Task<IReadOnlyList<StoredChannel>> LoadVehicleAsync(string vehicleId);

    /// <summary>
    /// Frames of a case in capture order, optionally one channel, captured in [from, to] (Unix µs), at most
    /// <paramref name="limit"/>. Video comes back only if video is archived.
    /// </summary>
    Task<IReadOnlyList<TelemetryFrame>> ReadAsync(string caseId, string? channel, long fromMicros, long toMicros, int limit);

    /// <summary>Frames of a case with a sequence above the given one per channel (what a reconnecting viewer missed).</summary>
    Task<IReadOnlyList<TelemetryFrame>> ReadAfterAsync(string caseId, IReadOnlyDictionary<string, long> after, int limit);

    /// <summary>The capture time of the newest frame of a case, or null when there is none.</summary>
    Task<long?> LatestCaptureAsync(string caseId);

    Task<IReadOnlyList<ChannelReport>> ReportAsync(string caseId, TimeSpan lateAfter);

    /// <summary>Keeps a screen's latest account of the case (replacing its previous one).</summary>
    Task StoreScreenReportAsync(string caseId, ScreenReport report);

    Task<IReadOnlyList<ScreenReport>> ScreenReportsAsync(string caseId);
}
