using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Contracts;

/// <summary>
/// A hospital's ambulance offload intervals ("wall time", arrival to transfer of care) over the cases it still holds:
/// the most recent ones up to the configured bound.
/// </summary>
/// <param name="Count">Cases in the summary.</param>
/// <param name="MedianSeconds">Null when there are none.</param>
/// <param name="Centile90Seconds">Nearest-rank 90th centile; null when there are none.</param>
/// <param name="Recent">The latest cases, newest first.</param>
[GenerateSerializer, Immutable]
public sealed record OffloadReport(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int Count,
    [property: Id(2)] double? MedianSeconds,
    [property: Id(3)] double? Centile90Seconds,
    [property: Id(4)] IReadOnlyList<OffloadSample> Recent);
