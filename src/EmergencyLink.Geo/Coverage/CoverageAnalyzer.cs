using EmergencyLink.Geo.Routing;

namespace EmergencyLink.Geo.Coverage;

/// <summary>
/// Coverage in the sense of the maximal covering location literature (Church &amp; ReVelle 1974): the share of demand
/// that at least one available unit can reach within the target. Demand is weighted road nodes, uniform over the
/// network by default. Each unit's reach is one bounded search out from it.
/// </summary>
public sealed class CoverageAnalyzer(RoadGraph graph, CoverageOptions options)
{
    private double TargetSeconds => options.TargetMinutes * 60;

    /// <summary>Uniform demand: every road node weighs 1.</summary>
    public double[] UniformDemand() => CoverageDemand.Uniform(graph);

    public CoverageResult Measure(IReadOnlyList<CoverageSite> units, double[] demand)
    {
        var count = Counts(units.Select(Reach), demand.Length);
        return Result(count, demand, units.Count);
    }

    /// <summary>
    /// The single moves of one idle unit to one station that raise coverage most, best first. A greedy one-step
    /// relocation in the spirit of the move-up models that cut late responses (Gendreau et al. 2001; the
    /// MEXCLP-style results DESIGN.md cites); it looks one move ahead only.
    /// </summary>
    public IReadOnlyList<MoveUp> MoveUps(IReadOnlyList<CoverageSite> available, IReadOnlyList<CoverageSite> idle,
        IReadOnlyList<CoverageSite> stations, double[] demand, int limit)
    {
        var reaches = available.ToDictionary(u => u.Id, Reach);
        var count = Counts(reaches.Values, demand.Length);
        var before = Result(count, demand, available.Count);
        var stationReach = stations.Select(s => (Station: s, Nodes: Reach(s))).ToArray();

        var moves = new List<MoveUp>();
        foreach (var unit in idle.Where(u => reaches.ContainsKey(u.Id)))
        {
            var leaving = reaches[unit.Id];
            var lost = leaving.Where(n => count[n] == 1).Sum(n => demand[n]);
            foreach (var (station, arriving) in stationReach)
            {
                if (station.Location.DistanceMetersTo(unit.Location) < 100)
                {
                    continue;
                }

                var leavingSet = leaving.ToHashSet();
                var gained = arriving.Where(n => count[n] == 0 || (count[n] == 1 && leavingSet.Contains(n))).Sum(n => demand[n]);
                var after = before.CoveredWeight - lost + gained;
                if (after > before.CoveredWeight + 1e-9)
                {
                    moves.Add(new MoveUp(unit.Id, station.Id, before.CoveredShare, Share(after, before.TotalWeight)));
                }
            }
        }

        return moves
            .OrderByDescending(m => m.CoveredShareAfter)
            .ThenBy(m => m.AmbulanceId, StringComparer.Ordinal)
            .ThenBy(m => m.StationId, StringComparer.Ordinal)
            .Take(limit)
            .ToArray();
    }

    private IReadOnlyList<int> Reach(CoverageSite site) =>
        graph.Snap(site.Location) is { } snap ? graph.ReachableNodes(snap, TargetSeconds) : [];

    private static int[] Counts(IEnumerable<IReadOnlyList<int>> reaches, int nodes)
    {
        var count = new int[nodes];
        foreach (var reach in reaches)
        {
            foreach (var node in reach)
            {
                count[node]++;
            }
        }

        return count;
    }

    private static CoverageResult Result(int[] count, double[] demand, int units)
    {
        var total = demand.Sum();
        var covered = 0.0;
        var uncovered = new List<int>();
        for (var n = 0; n < count.Length; n++)
        {
            if (count[n] > 0)
            {
                covered += demand[n];
            }
            else if (demand[n] > 0)
            {
                uncovered.Add(n);
            }
        }

        return new CoverageResult(Share(covered, total), total, covered, units, uncovered);
    }

    private static double Share(double covered, double total) => total == 0 ? 1 : covered / total;
}
