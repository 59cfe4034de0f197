using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// The real server in its own process on loopback ports, over a SQLite file in a temp folder: what a user runs,
/// and a process that can really be killed.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private readonly bool ownsFolder;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;
    private int[]? ports;

    public ServerProcess(string? folder = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        this.environment = environment ?? new Dictionary<string, string>();
        ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("emergencylink-e2e-").FullName;
        StoragePath = Path.Combine(Folder, "emergencylink.db");
        var key = SigningKeyStore.GetOrCreate(SigningKeyStore.KeyPathFor(StoragePath));
        Tokens = new TokenIssuer(key, TimeProvider.System);
    }

    public string Folder { get; }

    public string StoragePath { get; }

    /// <summary>Signs with the key file in <see cref="Folder"/>; a cluster on PostgreSQL sets the cluster's key instead.</summary>
    public TokenIssuer Tokens { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    public string Output => string.Join('\n', output);

    /// <summary>The Orleans silo port (known once started): how a cluster names this node.</summary>
    public int SiloPort => ports?[1] ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Starts the server; after <see cref="Kill"/>, starts it again on the same ports, as a restarted host would.</summary>
    public async Task StartAsync()
    {
        process?.Dispose();
        ports ??= FreePorts.Take(3);
        BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Binaries.Server(), "--urls", BaseAddress.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__Path"] = StoragePath;
        start.Environment["Orleans__SiloPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Development turns the demo on for `dotnet run`; tests get a quiet region unless they ask for it.
        start.Environment["Demo__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // HasExited can turn true before the redirected output is read to its end; the parameterless wait
                // returns only once both streams are drained, so the message carries what the server said last.
                process.WaitForExit();
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server did not become ready:\n{Output}");
    }

    /// <summary>
    /// SIGTERM, as an orchestrator drains a node: the host stops taking requests and the silo leaves the cluster
    /// cleanly (its grains deactivate and reactivate elsewhere on their next call). SIGKILL after the timeout.
    /// </summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (process is not { HasExited: false })
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The server did not stop within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s of SIGTERM:\n{Output}");
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed survives.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    public string Token(string role, string? vehicle = null, string? hospital = null, string? name = null) =>
        Tokens.Issue(new TokenRequest(role, name ?? $"{role}-tester", vehicle, hospital), TimeSpan.FromHours(1));

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Dispatcher() => Client(Token(Roles.Dispatcher));

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            Kill();
        }

        process?.Dispose();
        await Task.Yield();
        if (ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
