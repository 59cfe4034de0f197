using EmergencyLink.Contracts;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A new alert.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertRaisedEvent(
    [property: Id(0)] IncidentSnapshot Incident,
    [property: Id(1)] CaseAlert Alert) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.AlertRaisedAsync(Incident, Alert);
}
