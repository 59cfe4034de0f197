using Microsoft.Data.Sqlite;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>
/// The archive writer's two statements, prepared once for its connection rather than once per commit: under load a
/// commit holds a few frames from each streaming vehicle, and at hundreds of commits a second the preparation showed.
/// </summary>
internal sealed class WriteStatements : IDisposable
{
    public WriteStatements(SqliteConnection connection)
    {
        Insert = connection.CreateCommand();
        Insert.CommandText = """
            INSERT OR IGNORE INTO frames (vehicle, channel, seq, case_id, kind, captured, received, backfilled, payload)
            VALUES ($v, $ch, $s, $c, $k, $cap, $rec, $b, $p)
            """;
        InsertParameters = [.. new[] { "$v", "$ch", "$s", "$c", "$k", "$cap", "$rec", "$b", "$p" }.Select(n => Insert.Parameters.Add(new SqliteParameter { ParameterName = n }))];
        Count = connection.CreateCommand();
        Count.CommandText = """
            INSERT INTO duplicates (vehicle, channel, case_id, count) VALUES ($v, $ch, $c, $n)
            ON CONFLICT (vehicle, channel, case_id) DO UPDATE SET count = count + excluded.count
            """;
        CountParameters = [.. new[] { "$v", "$ch", "$c", "$n" }.Select(n => Count.Parameters.Add(new SqliteParameter { ParameterName = n }))];
    }

    public SqliteCommand Insert { get; }

    public SqliteParameter[] InsertParameters { get; }

    public SqliteCommand Count { get; }

    public SqliteParameter[] CountParameters { get; }

    public void Dispose()
    {
        Insert.Dispose();
        Count.Dispose();
    }
}
