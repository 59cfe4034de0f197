using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.St;

/// <summary>Hand-made measurements for testing the criteria on exact ST values.</summary>
internal static class Measurements
{
    /// <summary>All 12 leads, ST 0 except those given; <paramref name="noisy"/> leads are marked noisy.</summary>
    public static StMeasurement With(
        IReadOnlyDictionary<string, double> st, StQuality quality = StQuality.Good, params string[] noisy)
    {
        var leads = StandardLeads.All
            .Select(name => new LeadSt(name, st.TryGetValue(name, out var v) ? v : 0.0, null, 0.005, noisy.Contains(name)))
            .ToList();
        return new StMeasurement(0, 5000, 500, leads, 12, quality == StQuality.TooFewBeats ? 3 : 12, 72, -44, 50, 60,
            quality, null);
    }

    public static StMeasurement With(params (string Lead, double St)[] st) =>
        With(st.ToDictionary(s => s.Lead, s => s.St));
}
