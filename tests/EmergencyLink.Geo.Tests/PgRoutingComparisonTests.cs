using EmergencyLink.Geo.Import;
using EmergencyLink.Geo.Routing;
using NpgsqlTypes;

namespace EmergencyLink.Geo.Tests;

/// <summary>
/// Our travel times against pgRouting's, the reference engine, on the imported East Baltimore graph: the same edge
/// table in both, 1,000 random origin–destination pairs, equal within 0.1 %.
/// </summary>
public sealed class PgRoutingComparisonTests
{
    [SkippableFact]
    public void Travel_times_on_Baltimore_equal_pgRouting_dijkstra_for_1000_random_pairs()
    {
        var (map, _) = OsmImporter.Import(SharedData.File("osm/baltimore.osm.pbf"), new ImportSettings());
        var graph = RoadGraph.Build(map.Roads, new RoadSpeeds());
        using var pg = new PgRoutingServer();
        using var connection = pg.Open();
        using (var create = new Npgsql.NpgsqlCommand(
                   "CREATE TABLE edges (id bigint, source bigint, target bigint, cost float8, reverse_cost float8, length_m float8);", connection))
        {
            create.ExecuteNonQuery();
        }

        var table = new StringWriter();
        graph.WriteEdgeTable(table);
        using (var copy = connection.BeginTextImport("COPY edges FROM STDIN WITH (FORMAT csv, HEADER true)"))
        {
            copy.Write(table.ToString());
        }

        var random = new Random(2026);
        var starts = Enumerable.Range(0, 40).Select(_ => (long)random.Next(graph.NodeCount)).Distinct().ToArray();
        var ends = Enumerable.Range(0, 25).Select(_ => (long)random.Next(graph.NodeCount)).Distinct().ToArray();
        using var query = new Npgsql.NpgsqlCommand(
            "SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, cost, reverse_cost FROM edges', @starts, @ends, directed => true)",
            connection);
        query.Parameters.AddWithValue("starts", NpgsqlDbType.Array | NpgsqlDbType.Bigint, starts);
        query.Parameters.AddWithValue("ends", NpgsqlDbType.Array | NpgsqlDbType.Bigint, ends);
        var reference = new Dictionary<(long, long), double>();
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                reference[(reader.GetInt64(0), reader.GetInt64(1))] = reader.GetDouble(2);
            }
        }

        var compared = 0;
        foreach (var start in starts)
        {
            var ours = graph.SecondsFromNode((int)start);
            foreach (var end in ends.Where(e => e != start))
            {
                // The network is strongly connected, so pgRouting must have found every pair.
                Assert.True(reference.TryGetValue((start, end), out var theirs), $"pgRouting found no path {start} -> {end}");
                Assert.True(Math.Abs(ours[end] - theirs) <= 0.001 * theirs, $"{start} -> {end}: ours {ours[end]} s, pgRouting {theirs} s");
                compared++;
            }
        }

        Assert.True(compared >= 950, $"only {compared} pairs compared");
    }
}
