using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.St;

/// <summary>Hand-made measurements for testing the criteria on exact ST values.</summary>
internal static class Measurements
{
    /// <summary>
    /// All 12 leads, ST 0 except those given, the same at the J point and at J+60 ms; <paramref name="noisy"/> leads
    /// are marked noisy.
    /// </summary>
    public static StMeasurement With(
        IReadOnlyDictionary<string, double> st, StQuality quality = StQuality.Good, params string[] noisy)
    {
        var leads = StandardLeads.All
            .Select(name => st.TryGetValue(name, out var v) ? v : 0.0)
            .Zip(StandardLeads.All, (v, name) => new LeadSt(name, v, v, 0.005, noisy.Contains(name)))
            .ToList();
        return new StMeasurement(0, 5000, 500, leads, 12, quality == StQuality.TooFewBeats ? 3 : 12, 72, -44, 50, 60,
            quality, null);
    }

    public static StMeasurement With(params (string Lead, double St)[] st) =>
        With(st.ToDictionary(s => s.Lead, s => s.St));

    /// <summary>All 12 leads with the ST values given at the J point and at J+60 ms (0 for leads not given).</summary>
    public static StMeasurement WithJAndJ60(params (string Lead, double? J, double J60)[] st)
    {
        var leads = StandardLeads.All
            .Select(name => st.FirstOrDefault(s => s.Lead == name) is { Lead: not null } given
                ? new LeadSt(name, given.J60, given.J, 0.005, false)
                : new LeadSt(name, 0.0, 0.0, 0.005, false))
            .ToList();
        return new StMeasurement(0, 5000, 500, leads, 12, 12, 72, -44, 50, 60, StQuality.Good, null);
    }
}
