using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EmergencyLink.Geo.Tests;

/// <summary>
/// A private PostgreSQL with pgRouting for one test run: its own data folder in temp, its own loopback port, stopped
/// and deleted afterwards. Needs Debian's postgresql-15, postgresql-15-postgis-3 and postgresql-15-pgrouting (.ci/run installs them; pgRouting requires PostGIS); without
/// them the tests skip, except under CI=true, where they fail.
/// </summary>
public sealed class PgRoutingServer : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string folder;
    private readonly bool asPostgresUser = Environment.UserName == "root";

    public PgRoutingServer()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")) || !File.Exists("/usr/share/postgresql/15/extension/pgrouting.control")
            || !File.Exists("/usr/share/postgresql/15/extension/postgis.control"))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI must install postgresql-15, postgresql-15-postgis-3 and postgresql-15-pgrouting (see .ci/run).");
            }

            Skip.If(true, "PostgreSQL 15 with pgRouting is not installed.");
        }

        folder = Directory.CreateTempSubdirectory("emergencylink-pg-").FullName;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        if (asPostgresUser)
        {
            Run("chown", "-R", "postgres:postgres", folder);
        }

        var data = Path.Combine(folder, "data");
        RunAsOwner(Path.Combine(Bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        RunAsOwner(Path.Combine(Bin, "pg_ctl"), "-D", data, "-w", "-l", Path.Combine(folder, "log"), "-o",
            string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"), "start");
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Command Timeout=300";
        using var connection = Open();
        using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE;", connection);
        command.ExecuteNonQuery();
    }

    public int Port { get; }

    public string ConnectionString { get; } = "";

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            RunAsOwner(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void RunAsOwner(string program, params string[] args)
    {
        if (asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
