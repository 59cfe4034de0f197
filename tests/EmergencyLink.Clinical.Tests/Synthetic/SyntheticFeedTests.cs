using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Clinical.Tests.Synthetic;

public sealed class SyntheticFeedTests
{
    [Fact]
    public void Ecg_blocks_carry_twelve_leads_and_number_their_samples_without_a_gap()
    {
        var feed = new SyntheticFeed(SyntheticScenarios.Create(SyntheticScenarios.Stable, 1, 500));

        var first = feed.NextEcg(20);
        var second = feed.NextEcg(20);

        Assert.Equal(12, first.Samples.Length);
        Assert.Equal(500, first.SampleRateHz);
        Assert.Equal(0, first.FirstSample);
        Assert.Equal(20, second.FirstSample);
        Assert.Equal(40, feed.NextSample);
        Assert.True(TelemetryCodec.TryDecodeEcg(TelemetryCodec.EncodeEcg(second), out var decoded, out _));
        Assert.Equal(second.Samples[1], decoded.Samples[1]);
    }

    [Fact]
    public void Vitals_are_those_of_the_scenario()
    {
        var feed = new SyntheticFeed(SyntheticScenarios.Create(SyntheticScenarios.AfRvr, 2, 500));
        feed.NextEcg(500);

        var vitals = feed.NextVitals();

        Assert.InRange(vitals.HeartRate!.Value, 110, 180);
        Assert.NotNull(vitals.SpO2);
        Assert.NotNull(vitals.SystolicMmHg);
    }
}
