using EmergencyLink.Consoles.Live;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Grains;
using EmergencyLink.Server.Endpoints;
using EmergencyLink.Server.Seeding;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Live;

/// <summary>The crew screen's view of the API: the destinations endpoint's ranking and the telemetry endpoint's report.</summary>
public sealed class ConsoleCrewDesk(
    IGrainFactory grains, RegionCatalog region, ITravelTimeEstimator router, ITelemetryArchive archive, IOptions<TelemetryOptions> options) : ICrewDesk
{
    public Task<IReadOnlyList<DestinationRecommendation>> DestinationsAsync(IncidentSnapshot incident) =>
        DestinationRanking.RankAsync(incident, diagnosis: null, grains, region, router);

    public Task<IReadOnlyList<ChannelReport>> LinkReportAsync(string incidentId) => archive.ReportAsync(incidentId, options.Value.LateAfter);
}
