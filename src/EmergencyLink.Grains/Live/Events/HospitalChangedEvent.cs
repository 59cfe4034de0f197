using EmergencyLink.Contracts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A hospital's status changed.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalChangedEvent(
    [property: Id(0)] HospitalSnapshot Hospital) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.HospitalChangedAsync(Hospital);
}
