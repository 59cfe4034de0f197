using System.Globalization;

namespace EmergencyLink.Testing;

/// <summary>
/// A private PostgreSQL 15 for a test class or collection (an xunit fixture): its own data folder in temp, its own
/// loopback port, its unix socket in that folder, fsync off (a test needs no durability against power loss), stopped
/// and deleted on dispose. Debian's server refuses to run as root, so as root it runs as the postgres user.
/// Each test takes its own database (<see cref="CreateDatabase"/>) so tests never see each other's rows.
/// Needs no client library: tests bring their own (Npgsql) and use <see cref="ConnectionString"/>.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    public const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly bool asPostgresUser = Environment.UserName == "root";
    private readonly Lock startLock = new();
    private string? folder;
    private int port;
    private int databases;

    /// <summary>
    /// The server's port; the first use starts it. Starting lazily, inside a test, is what lets a missing package skip
    /// the test (an exception in a fixture's constructor would fail every test of the class instead).
    /// </summary>
    public int Port
    {
        get
        {
            lock (startLock)
            {
                if (folder is null)
                {
                    Start();
                }

                return port;
            }
        }
    }

    /// <summary>The server's own <c>postgres</c> database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=15;Command Timeout=60";

    /// <summary>A fresh empty database; returns its connection string.</summary>
    public string CreateDatabase(string? prefix = null)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix ?? "test"}_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}")[..40]
            .ToLowerInvariant();
        Psql($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>Runs SQL through psql (no client library needed) against the <c>postgres</c> database.</summary>
    public string Psql(string sql, string database = "postgres") =>
        DebianTools.Run(Path.Combine(Bin, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);

    public void Dispose()
    {
        if (folder is null)
        {
            return;
        }

        try
        {
            RunAsOwner(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Start()
    {
        DebianTools.Require(Path.Combine(Bin, "postgres"), "postgresql-15");
        var created = Directory.CreateTempSubdirectory("emergencylink-pg-").FullName;
        var chosen = DebianTools.FreePort();
        if (asPostgresUser)
        {
            DebianTools.Run("chown", "-R", "postgres:postgres", created);
        }

        try
        {
            var data = Path.Combine(created, "data");
            RunAsOwner(Path.Combine(Bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            RunAsOwner(Path.Combine(Bin, "pg_ctl"), "-D", data, "-w", "-t", "60", "-l", Path.Combine(created, "log"), "-o",
                string.Create(CultureInfo.InvariantCulture,
                    $"-p {chosen} -k {created} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200"),
                "start");
        }
        catch
        {
            Directory.Delete(created, recursive: true);
            throw;
        }

        (folder, port) = (created, chosen);
    }

    private void RunAsOwner(string program, params string[] args)
    {
        if (asPostgresUser)
        {
            DebianTools.Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            DebianTools.Run(program, args);
        }
    }
}
