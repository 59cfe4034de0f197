using EmergencyLink.Contracts.Telemetry;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>New frames of a case.</summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryEvent(
    [property: Id(0)] string? HospitalId,
    [property: Id(1)] TelemetryDelivery Delivery) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.TelemetryAsync(HospitalId, Delivery);
}
