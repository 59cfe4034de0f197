using EmergencyLink.Contracts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A unit's status or assignment changed.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitChangedEvent(
    [property: Id(0)] AmbulanceSnapshot Unit) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.UnitChangedAsync(Unit);
}
