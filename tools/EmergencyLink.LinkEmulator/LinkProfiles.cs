using System.Collections.Frozen;

namespace EmergencyLink.LinkEmulator;

/// <summary>
/// Named links. Only the 5G figures come from a field measurement (Berlet et al. 2022, a German 5G ambulance trial:
/// 10 ms mean round trip, so 5 ms each way); the 4G and degraded figures are representative engineering assumptions
/// for a loaded LTE cell and for a weak cell at the edge of coverage, whose jitter peaks near ITU-T G.114's 150 ms one-way
/// bound before loss stalls and holes push past it. docs/link-emulator.md tabulates them.
/// </summary>
public static class LinkProfiles
{
    public static FrozenDictionary<string, LinkOptions> Named { get; } = new Dictionary<string, LinkOptions>
    {
        ["5g"] = new()
        {
            Latency = TimeSpan.FromMilliseconds(5),
            Jitter = TimeSpan.FromMilliseconds(2),
            BandwidthKbps = 50_000,
            Loss = 0.0001,
        },
        ["4g"] = new()
        {
            Latency = TimeSpan.FromMilliseconds(50),
            Jitter = TimeSpan.FromMilliseconds(20),
            BandwidthKbps = 4_000,
            Loss = 0.005,
        },
        ["degraded"] = new()
        {
            Latency = TimeSpan.FromMilliseconds(80),
            Jitter = TimeSpan.FromMilliseconds(40),
            BandwidthKbps = 1_500,
            BurstLoss = 0.02,
            OutageEvery = TimeSpan.FromSeconds(60),
            OutageMin = TimeSpan.FromSeconds(5),
            OutageMax = TimeSpan.FromSeconds(15),
        },
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
