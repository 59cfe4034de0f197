using EmergencyLink.Contracts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A message of the case.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseMessageEvent(
    [property: Id(0)] IncidentSnapshot Incident,
    [property: Id(1)] Domain.Messaging.CaseMessage Message) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.CaseMessageAsync(Incident, Message);
}
