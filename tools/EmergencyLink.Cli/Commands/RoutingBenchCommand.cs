using System.Diagnostics;
using System.Globalization;
using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Geo.Routing;
using Npgsql;
using NpgsqlTypes;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>bench-routing (--map FOLDER | --grid N) [--units 50] [--queries 2000] [--pg CONNECTION]</c>: graph build time and
/// memory, then recommendation latency per incident (snap the scene and every unit, one search from the scene, rank),
/// on one thread. With <c>--pg</c>, the same one-to-many question is put to pgRouting (pgr_dijkstraCost) on the same
/// edge table, side by side with ours.
/// </summary>
public static class RoutingBenchCommand
{
    public const string Usage = "bench-routing (--map FOLDER | --grid N) [--units N] [--queries N] [--pg CONNECTION-STRING] [--pg-rounds N]";

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "map", "grid", "units", "queries", "pg", "pg-rounds");
        var unitCount = options.GetInt("units", 50, 1, 100_000);
        var queries = options.GetInt("queries", 2000, 10, 1_000_000);
        var random = new Random(20261124);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<RoadSegment> roads = options.Get("map") is { } folder
            ? RegionMapLoader.Load(folder).Roads
            : GridCity.Roads(options.GetInt("grid", 500, 10, 2000));
        var loaded = clock.Elapsed;
        clock.Restart();
        var graph = RoadGraph.Build(roads, new RoadSpeeds());
        var built = clock.Elapsed;
        roads = [];
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(graph);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"graph: {graph.NodeCount} nodes, {graph.EdgeCount} edges; roads loaded in {loaded.TotalMilliseconds:F0} ms, graph built in {built.TotalMilliseconds:F0} ms, graph heap {(after - before) / 1048576.0:F1} MiB"));

        var nodes = Enumerable.Range(0, graph.NodeCount).Select(graph.NodeLocation).ToArray();
        GeoPoint Somewhere() => nodes[random.Next(nodes.Length)] is var p ? new GeoPoint(p.Lat + ((random.NextDouble() - 0.5) * 0.0004), p.Lon + ((random.NextDouble() - 0.5) * 0.0004)) : default;
        var units = Enumerable.Range(0, unitCount).Select(i => new UnitCandidate(
            string.Create(CultureInfo.InvariantCulture, $"U{i}"), "", i % 3 == 2 ? UnitCapability.BLS : UnitCapability.ALS,
            i % 5 == 0 ? UnitStatus.OnScene : UnitStatus.Available, Somewhere())).ToArray();

        // As the dispatch index does it: free units only (ALS first for priority 1), the five fastest. Units' snaps are
        // remembered between incidents while they stand still, as in the server; the scene is snapped every time.
        // Units standing still have their reach tables, as in a server that has been up a moment: built here up front.
        var estimator = new RoadTravelTimeEstimator(graph);
        var beforeTables = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        estimator.Warm(units.Where(u => UnitWorkflow.IsFree(u.Status)).Select(u => u.Location));
        var tablesBuilt = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reach tables: {units.Count(u => UnitWorkflow.IsFree(u.Status))} free units in {tablesBuilt.TotalMilliseconds:F0} ms, {(GC.GetTotalMemory(forceFullCollection: true) - beforeTables) / 1048576.0:F1} MiB"));
        IReadOnlyList<UnitRecommendation> Recommend(GeoPoint scene, int priority) => UnitRecommender.Recommend(priority, units, 5,
            (candidates, enough) => estimator.EstimateToScene(candidates.Select(c => c.Location).ToArray(), scene, enough));
        for (var i = 0; i < 50; i++)
        {
            Recommend(Somewhere(), 1 + (i % 4));
        }

        var latencies = new double[queries];
        for (var q = 0; q < queries; q++)
        {
            var scene = Somewhere();
            var started = Stopwatch.GetTimestamp();
            Recommend(scene, 1 + (q % 4));
            latencies[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recommendation ({unitCount} units, {queries} incidents, one thread): p50 {At(latencies, 0.5):F3} ms, p99 {At(latencies, 0.99):F3} ms, max {latencies[^1]:F3} ms; rankings from tables {estimator.Answers.FromTables}, by search {estimator.Answers.Searched}"));

        if (options.Get("pg") is { } connectionString)
        {
            ComparePgRouting(graph, connectionString, unitCount, options.GetInt("pg-rounds", 30, 1, 1000), random);
        }

        return 0;
    }

    private static double At(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <summary>
    /// Units and scenes on graph nodes, so both engines answer exactly the same question: cost from each unit's node
    /// to the scene's node. pgRouting is timed per query including its SQL round trip and its graph load from the
    /// edge table, which is how it is used.
    /// </summary>
    private static void ComparePgRouting(RoadGraph graph, string connectionString, int unitCount, int rounds, Random random)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Execute(connection, "CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE; DROP TABLE IF EXISTS bench_edges; " +
                            "CREATE TABLE bench_edges (id bigint, source bigint, target bigint, cost float8, reverse_cost float8, length_m float8);");
        var table = new StringWriter();
        graph.WriteEdgeTable(table);
        using (var copy = connection.BeginTextImport("COPY bench_edges FROM STDIN WITH (FORMAT csv, HEADER true)"))
        {
            copy.Write(table.ToString());
        }

        Execute(connection, "CREATE INDEX ON bench_edges (id); ANALYZE bench_edges;");
        var ours = new double[rounds];
        var theirs = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var unitNodes = Enumerable.Range(0, unitCount).Select(_ => (long)random.Next(graph.NodeCount)).ToArray();
            var scene = (long)random.Next(graph.NodeCount);

            var started = Stopwatch.GetTimestamp();
            var sceneSnap = graph.Snap(graph.NodeLocation((int)scene))!;
            graph.CostsToScene(unitNodes.Select(n => graph.Snap(graph.NodeLocation((int)n))).ToArray(), sceneSnap);
            ours[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            using var query = new NpgsqlCommand(
                "SELECT count(*) FROM pgr_dijkstraCost('SELECT id, source, target, cost, reverse_cost FROM bench_edges', @units, @scene, directed => true)",
                connection);
            query.Parameters.AddWithValue("units", NpgsqlDbType.Array | NpgsqlDbType.Bigint, unitNodes);
            query.Parameters.AddWithValue("scene", scene);
            query.ExecuteScalar();
            theirs[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(ours);
        Array.Sort(theirs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one-to-many, {unitCount} units, {rounds} rounds alternated: ours median {At(ours, 0.5):F3} ms, pgRouting median {At(theirs, 0.5):F1} ms, ratio {At(theirs, 0.5) / At(ours, 0.5):F0}x"));
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
