using EmergencyLink.Contracts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A unit reported a new position.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitMovedEvent(
    [property: Id(0)] AmbulanceSnapshot Unit) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.UnitMovedAsync(Unit);
}
