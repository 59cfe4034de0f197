using EmergencyLink.Contracts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A case inbound to a hospital changed.</summary>
[GenerateSerializer, Immutable]
public sealed record InboundChangedEvent(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] IncidentSnapshot Incident) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.InboundChangedAsync(HospitalId, Incident);
}
