using EmergencyLink.Contracts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A case changed.</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentChangedEvent(
    [property: Id(0)] IncidentSnapshot Incident) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.IncidentChangedAsync(Incident);
}
