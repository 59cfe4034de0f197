using EmergencyLink.Contracts;
using EmergencyLink.Domain.Units;
using EmergencyLink.Geo.Coverage;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Seeding;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace EmergencyLink.Server.Coverage;

/// <summary>Coverage and move-ups for the region, from the dispatch index's current view of the fleet.</summary>
public sealed class CoverageService(
    IGrainFactory grains,
    RoadGraph graph,
    RegionCatalog region,
    IOptions<CoverageOptions> options,
    TimeProvider time,
    ILogger<CoverageService> logger)
{
    private readonly Lazy<double[]> demand = new(() => LoadDemand(graph, options.Value, logger));

    private CoverageAnalyzer Analyzer => new(graph, options.Value);

    public async Task<CoverageReport> MeasureAsync()
    {
        var free = await FreeUnitsAsync();
        var result = Analyzer.Measure(free.Select(Site).ToArray(), demand.Value);
        return new CoverageReport(options.Value.TargetMinutes, result.CoveredShare, free.Count,
            demand.Value.Count(w => w > 0), result.UncoveredNodes.Count, Uncovered(result.UncoveredNodes), time.GetUtcNow());
    }

    public async Task<IReadOnlyList<MoveUp>> MoveUpsAsync(int limit)
    {
        var free = await FreeUnitsAsync();
        var idle = free.Where(u => u.Status == UnitStatus.Available).Select(Site).ToArray();
        var stations = region.Map.Stations.Select(s => new CoverageSite(s.Id, s.Location)).ToArray();
        return Analyzer.MoveUps(free.Select(Site).ToArray(), idle, stations, demand.Value, limit);
    }

    private static CoverageSite Site(AmbulanceSnapshot unit) => new(unit.Id, unit.Location);

    private static double[] LoadDemand(RoadGraph graph, CoverageOptions options, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(options.DemandFile))
        {
            return CoverageDemand.Uniform(graph);
        }

        var (weights, used, ignored) = CoverageDemand.FromCalls(graph, File.ReadLines(options.DemandFile));
        logger.LogInformation("Coverage demand from {File}: {Used} calls used, {Ignored} lines left out", options.DemandFile, used, ignored);
        return used > 0 ? weights : throw new InvalidOperationException($"{options.DemandFile} holds no call inside the region.");
    }

    private async Task<IReadOnlyList<AmbulanceSnapshot>> FreeUnitsAsync() =>
        (await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).ListUnitsAsync()).Where(u => UnitWorkflow.IsFree(u.Status)).ToArray();

    /// <summary>The uncovered demand drawn as the union of small discs round its road nodes.</summary>
    private GeoJsonGeometry Uncovered(IReadOnlyList<int> nodes)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var radius = options.Value.UncoveredRadiusMeters / 111_320;
        var discs = nodes.Select(n => graph.NodeLocation(n)).Select(p => factory.CreatePoint(new Coordinate(p.Lon, p.Lat)).Buffer(radius, 4));
        var area = nodes.Count == 0 ? factory.CreateMultiPolygon() : UnaryUnionOp.Union(discs.ToArray());
        return GeoJsonGeometry.Area(area);
    }
}
