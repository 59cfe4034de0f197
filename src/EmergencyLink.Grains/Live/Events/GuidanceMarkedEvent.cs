using EmergencyLink.Contracts;
using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A tele-guidance mark.</summary>
[GenerateSerializer, Immutable]
public sealed record GuidanceMarkedEvent(
    [property: Id(0)] IncidentSnapshot Incident,
    [property: Id(1)] GuidanceMark Mark) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.GuidanceMarkedAsync(Incident, Mark);
}
