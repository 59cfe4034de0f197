namespace EmergencyLink.LinkEmulator.Tests;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void Profiles_carry_their_documented_figures()
    {
        var fiveG = LinkProfiles.Named["5g"];
        var fourG = LinkProfiles.Named["4G"];
        var degraded = LinkProfiles.Named["degraded"];

        Assert.Equal(TimeSpan.FromMilliseconds(10), fiveG.Latency * 2);
        Assert.Equal(50_000, fiveG.BandwidthKbps);
        Assert.Equal((TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20), 4_000, 0.005), (fourG.Latency, fourG.Jitter, fourG.BandwidthKbps, fourG.Loss));
        Assert.Equal((1_500, 0.02), (degraded.BandwidthKbps, degraded.BurstLoss));
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)), (degraded.OutageEvery, degraded.OutageMin, degraded.OutageMax));
        Assert.All(LinkProfiles.Named.Values, profile => profile.Validate());
    }

    [Fact]
    public void Command_line_options_override_the_profile_one_by_one()
    {
        var parsed = EmulatorCommandLine.Parse(
        [
            "--listen", "127.0.0.1:6001", "--upstream", "127.0.0.1:6000", "--profile", "degraded", "--seed", "7",
            "--latency-ms", "30", "--loss", "1%", "--outage-s", "2-4", "--outage-mode", "stall", "--stats",
        ]);

        Assert.Equal((6001, 6000, true), (parsed.Listen.Port, parsed.Upstream.Port, parsed.Stats));
        Assert.Equal(LinkProfiles.Named["degraded"] with
        {
            Seed = 7,
            Latency = TimeSpan.FromMilliseconds(30),
            Loss = 0.01,
            OutageMin = TimeSpan.FromSeconds(2),
            OutageMax = TimeSpan.FromSeconds(4),
            OutageMode = OutageMode.Stall,
        }, parsed.Link);
    }

    [Theory]
    [InlineData("--profile", "6g")]
    [InlineData("--loss", "1.5")]
    [InlineData("--latency-ms", "fast")]
    [InlineData("--outage-mode", "drop")]
    [InlineData("--colour", "blue")]
    public void Nonsense_on_the_command_line_is_refused_with_a_reason(string option, string value) =>
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse([option, value]));
}
