using EmergencyLink.Contracts;
using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A step of a handover loop.</summary>
[GenerateSerializer, Immutable]
public sealed record HandoverLoopChangedEvent(
    [property: Id(0)] IncidentSnapshot Incident,
    [property: Id(1)] HandoverLoop Loop) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.HandoverLoopChangedAsync(Incident, Loop);
}
