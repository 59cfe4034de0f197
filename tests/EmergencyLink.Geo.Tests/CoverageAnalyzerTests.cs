using EmergencyLink.Geo.Coverage;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Geo.Tests;

public sealed class CoverageAnalyzerTests
{
    private static readonly Lazy<RegionMap> Demo = new(() => RegionMapLoader.Load(DemoMapFolder.Path));
    private static readonly Lazy<RoadGraph> Graph = new(() => RoadGraph.Build(Demo.Value.Roads, new RoadSpeeds()));

    private static CoverageSite[] Stations => Demo.Value.Stations.Select(s => new CoverageSite(s.Id, s.Location)).ToArray();

    [Fact]
    public void Units_spread_over_every_station_cover_more_than_the_same_units_at_one_station()
    {
        var analyzer = new CoverageAnalyzer(Graph.Value, new CoverageOptions { TargetMinutes = 5 });
        var demand = analyzer.UniformDemand();
        var spread = Stations.Select(s => new CoverageSite("U" + s.Id, s.Location)).ToArray();
        var bunched = spread.Select(u => u with { Location = Stations[0].Location }).ToArray();

        var wide = analyzer.Measure(spread, demand);
        var narrow = analyzer.Measure(bunched, demand);

        Assert.InRange(wide.CoveredShare, 0.5, 1.0);
        Assert.True(narrow.CoveredShare < wide.CoveredShare / 2, $"{narrow.CoveredShare} vs {wide.CoveredShare}");
        Assert.Equal(demand.Length - (int)wide.CoveredWeight, wide.UncoveredNodes.Count);
    }

    [Fact]
    public void No_unit_covers_nothing_and_more_time_covers_more()
    {
        var demand = new CoverageAnalyzer(Graph.Value, new CoverageOptions()).UniformDemand();
        var one = new[] { new CoverageSite("U1", Stations[0].Location) };

        Assert.Equal(0, new CoverageAnalyzer(Graph.Value, new CoverageOptions()).Measure([], demand).CoveredShare);
        Assert.True(new CoverageAnalyzer(Graph.Value, new CoverageOptions { TargetMinutes = 8 }).Measure(one, demand).CoveredShare
                    > new CoverageAnalyzer(Graph.Value, new CoverageOptions { TargetMinutes = 4 }).Measure(one, demand).CoveredShare);
    }

    [Fact]
    public void The_best_move_up_sends_a_spare_unit_to_an_empty_station_and_says_what_it_gains()
    {
        var analyzer = new CoverageAnalyzer(Graph.Value, new CoverageOptions { TargetMinutes = 5 });
        var demand = analyzer.UniformDemand();

        // Two units at station 1, one at station 2, the other stations empty.
        CoverageSite[] units = [new("A", Stations[0].Location), new("B", Stations[0].Location), new("C", Stations[1].Location)];

        var moves = analyzer.MoveUps(units, units, Stations, demand, 5);

        Assert.NotEmpty(moves);
        var best = moves[0];
        Assert.Contains(best.AmbulanceId, new[] { "A", "B" });
        Assert.NotEqual(Stations[0].Id, best.StationId);
        Assert.True(best.CoveredShareAfter > best.CoveredShareBefore);
        var after = analyzer.Measure(
            units.Select(u => u.Id == best.AmbulanceId ? u with { Location = Stations.Single(s => s.Id == best.StationId).Location } : u).ToArray(), demand);
        Assert.Equal(after.CoveredShare, best.CoveredShareAfter, 9);
    }

    [Fact]
    public void Historical_calls_weigh_demand_where_they_were_made_and_bad_lines_are_left_out()
    {
        var graph = Graph.Value;
        var station = Stations[0].Location;
        var far = Stations[^1].Location;
        string[] calls =
        [
            "lat,lon,weight",
            $"{station.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)},{station.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)},3",
            $"{far.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)},{far.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            "10.0,10.0",
            "not,a,call",
        ];

        var (weights, used, ignored) = CoverageDemand.FromCalls(graph, calls);
        var analyzer = new CoverageAnalyzer(graph, new CoverageOptions { TargetMinutes = 3 });
        var result = analyzer.Measure([new CoverageSite("U", station)], weights);

        Assert.Equal((2, 3), (used, ignored));
        Assert.Equal(4, weights.Sum());
        Assert.Equal(0.75, result.CoveredShare, 9);
    }
}
