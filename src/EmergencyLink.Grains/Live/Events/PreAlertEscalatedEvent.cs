using EmergencyLink.Contracts;
using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Grains.Live.Events;

/// <summary>A pre-alert waited too long for its acknowledgement.</summary>
[GenerateSerializer, Immutable]
public sealed record PreAlertEscalatedEvent(
    [property: Id(0)] IncidentSnapshot Incident,
    [property: Id(1)] HandoverLoop Loop) : LiveEvent
{
    public override Task ApplyAsync(ILiveFeed feed) => feed.PreAlertEscalatedAsync(Incident, Loop);
}
