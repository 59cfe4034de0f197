using System.Globalization;
using System.Text.Json;
using EmergencyLink.Security;
using Microsoft.AspNetCore.SignalR.Client;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>watch --url URL --hub dispatch|hospital|crew [--hospital ID] [--vehicle ID] [--storage-path FILE]</c>: connects to a live hub with
/// a development token and prints every pushed event as one JSON line, until Ctrl+C.
/// </summary>
public static class WatchCommand
{
    public const string Usage = "watch --url URL --hub dispatch|hospital|crew [--hospital ID] [--vehicle ID] [--storage-path FILE]";

    private static readonly string[] DispatchEvents =
        ["IncidentCreated", "IncidentChanged", "UnitStatusChanged", "UnitPositionChanged", "HospitalStatusChanged", "CoverageChanged", "CaseMessage"];

    private static readonly string[] HospitalEvents = ["InboundChanged", "InboundRemoved", "HospitalStatusChanged", "CaseMessage"];

    private static readonly string[] CrewEvents = ["CaseChanged", "CaseMessage", "GuidanceMark"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ArgReader(args, "url", "hub", "hospital", "vehicle", "storage-path");
        var url = new Uri(options.Get("url") ?? throw new ArgumentException("--url is required."));
        var hub = options.Get("hub") ?? "dispatch";
        var hospital = options.Get("hospital");
        var vehicle = options.Get("vehicle");
        var request = hub switch
        {
            "dispatch" => new TokenRequest(Roles.Dispatcher, "watch"),
            "hospital" when hospital is not null => new TokenRequest(Roles.Ed, "watch", Hospital: hospital),
            "hospital" => throw new ArgumentException("--hub hospital needs --hospital ID."),
            "crew" when vehicle is not null => new TokenRequest(Roles.Crew, "watch", Vehicle: vehicle),
            "crew" => throw new ArgumentException("--hub crew needs --vehicle ID."),
            _ => throw new ArgumentException("--hub is dispatch, hospital or crew."),
        };
        var token = KeyLocator.Issuer(KeyLocator.StoragePath(options.Get("storage-path"))).Issue(request, TimeSpan.FromHours(12));

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "/hubs/" + hub), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect()
            .Build();
        foreach (var name in hub switch { "dispatch" => DispatchEvents, "crew" => CrewEvents, _ => HospitalEvents })
        {
            connection.On<JsonElement>(name, payload => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {name} {payload.GetRawText()}")));
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await connection.StartAsync(stop.Token);
        Console.Error.WriteLine($"Watching {hub} at {url} (Ctrl+C to stop).");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
