using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A case is no longer inbound to a hospital; every node drops its own ED watchers of it.</summary>
[GenerateSerializer, Immutable]
public sealed record InboundRemovedEvent(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] string IncidentId,
    [property: Id(2)] CaseState State) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.InboundRemovedAsync(HospitalId, IncidentId, State);
}
