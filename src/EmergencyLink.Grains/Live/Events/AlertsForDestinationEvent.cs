using EmergencyLink.Contracts;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>Earlier alerts for the case's new destination.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertsForDestinationEvent(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] IncidentSnapshot Incident,
    [property: Id(2)] IReadOnlyList<CaseAlert> Alerts) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.AlertsForDestinationAsync(HospitalId, Incident, Alerts);
}
