using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Destinations;

namespace EmergencyLink.Consoles.Live;

/// <summary>
/// What the crew screen asks of the host beyond the grains: the API's destination ranking and its telemetry report. The
/// host implements it with the same code its endpoints run, so the screen and the API never disagree.
/// </summary>
public interface ICrewDesk
{
    /// <summary>The hospitals for the case as <c>GET /api/incidents/{id}/destinations</c> ranks them, with reasons.</summary>
    Task<IReadOnlyList<DestinationRecommendation>> DestinationsAsync(IncidentSnapshot incident);

    /// <summary>Continuity and latency per channel, as <c>GET /api/incidents/{id}/telemetry</c> reports them.</summary>
    Task<IReadOnlyList<ChannelReport>> LinkReportAsync(string incidentId);
}
