using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Contracts.Telemetry;

/// <summary>
/// One frame from an ambulance's gateway. <see cref="Sequence"/> counts from 1 per (vehicle, channel) with no gaps at
/// the source, so the server can tell a hole from a duplicate; the payload's layout is given by
/// <see cref="Kind"/> (see <see cref="TelemetryCodec"/>). The capture time is the gateway's clock in Unix microseconds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryFrame(
    [property: Id(0)] string VehicleId,
    [property: Id(1)] string CaseId,
    [property: Id(2)] string Channel,
    [property: Id(3)] TelemetryKind Kind,
    [property: Id(4)] long Sequence,
    [property: Id(5)] long CapturedAtMicros,
    [property: Id(6)] byte[] Payload);
