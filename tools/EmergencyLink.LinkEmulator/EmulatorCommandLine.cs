using System.Globalization;
using System.Net;

namespace EmergencyLink.LinkEmulator;

/// <summary>Binds the command line onto a named profile, option by option.</summary>
public static class EmulatorCommandLine
{
    public const string Usage =
        "usage: EmergencyLink.LinkEmulator --listen 127.0.0.1:5081 --upstream 127.0.0.1:5080 --profile 5g|4g|degraded\n" +
        "         [--seed N] [--latency-ms N] [--jitter-ms N] [--bandwidth-kbps N (0 = uncapped)] [--loss P|P%]\n" +
        "         [--burst-loss P|P%] [--burst-length PACKETS] [--outage-every-s N (0 = none)] [--outage-s N|MIN-MAX]\n" +
        "         [--outage-mode stall|reset] [--reset-after-s N] [--stats]";

    public static EmulatorArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var stats = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--stats")
            {
                stats = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Expected '--option value' at '{args[i]}'.");
            }
        }

        var listen = EndPoint(values, "--listen", "127.0.0.1:5081");
        var upstream = EndPoint(values, "--upstream", "127.0.0.1:5080");
        var profile = values.Remove("--profile", out var name) ? name : "5g";
        if (!LinkProfiles.Named.TryGetValue(profile, out var link))
        {
            throw new ArgumentException($"Unknown profile '{profile}'; known: {string.Join(", ", LinkProfiles.Named.Keys)}.");
        }

        foreach (var (option, value) in values)
        {
            link = option switch
            {
                "--seed" => link with { Seed = int.TryParse(value, CultureInfo.InvariantCulture, out var seed) ? seed : throw new ArgumentException($"Seed '{value}' is not an integer.") },
                "--latency-ms" => link with { Latency = TimeSpan.FromMilliseconds(Number(value)) },
                "--jitter-ms" => link with { Jitter = TimeSpan.FromMilliseconds(Number(value)) },
                "--bandwidth-kbps" => link with { BandwidthKbps = Number(value) },
                "--loss" => link with { Loss = Fraction(value) },
                "--burst-loss" => link with { BurstLoss = Fraction(value) },
                "--burst-length" => link with { BurstLength = Number(value) },
                "--outage-every-s" => link with { OutageEvery = Number(value) > 0 ? TimeSpan.FromSeconds(Number(value)) : null },
                "--outage-s" => WithOutageDuration(link, value),
                "--outage-mode" => link with { OutageMode = value switch { "stall" => OutageMode.Stall, "reset" => OutageMode.Reset, _ => throw new ArgumentException($"Outage mode is stall or reset, not '{value}'.") } },
                "--reset-after-s" => link with { ResetAfter = TimeSpan.FromSeconds(Number(value)) },
                _ => throw new ArgumentException($"Unknown option '{option}'."),
            };
        }

        link.Validate();
        return new EmulatorArguments(listen, upstream, profile, link, stats);
    }

    private static IPEndPoint EndPoint(Dictionary<string, string> values, string option, string fallback)
    {
        var text = values.Remove(option, out var given) ? given : fallback;
        return IPEndPoint.TryParse(text, out var endPoint) ? endPoint : throw new ArgumentException($"{option} needs address:port, not '{text}'.");
    }

    private static LinkOptions WithOutageDuration(LinkOptions link, string value)
    {
        var parts = value.Split('-', 2);
        var min = TimeSpan.FromSeconds(Number(parts[0]));
        return link with { OutageMin = min, OutageMax = parts.Length == 2 ? TimeSpan.FromSeconds(Number(parts[1])) : min };
    }

    private static double Fraction(string value) =>
        value.EndsWith('%') ? Number(value[..^1]) / 100 : Number(value);

    private static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"'{value}' is not a number.");
}
