using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Clinical.Tests.Analysis;

/// <summary>In-memory WFDB records for the analysis tests, built from synthetic patients.</summary>
internal static class Records
{
    public static WfdbRecord Synthetic(
        string scenario, double seconds, double rate = 500, string[]? leads = null, params string[] comments)
    {
        var patient = SyntheticScenarios.Create(scenario, seed: 7, samplingRateHz: rate, noise: false);
        var samples = patient.Ecg.Next((int)(seconds * rate));
        var names = SyntheticEcg.LeadNames;
        var chosen = leads ?? [.. names];
        var signals = chosen
            .Select(name => Signal(name, samples[names.ToList().FindIndex(n => string.Equals(n, StandardName(name), StringComparison.OrdinalIgnoreCase))]))
            .ToList();
        return new WfdbRecord(scenario, rate, samples[0].Length, signals, comments);
    }

    /// <summary>One patient's ECG followed by another's, e.g. ST elevation developing during a recording.</summary>
    public static WfdbRecord Sequence(double rate, params (string Scenario, double Seconds)[] parts)
    {
        var leads = SyntheticEcg.LeadNames.Select(_ => new List<float>()).ToArray();
        foreach (var (scenario, seconds) in parts)
        {
            var samples = SyntheticScenarios.Create(scenario, seed: 5, samplingRateHz: rate, noise: false).Ecg.Next((int)(seconds * rate));
            for (var l = 0; l < leads.Length; l++)
            {
                leads[l].AddRange(samples[l]);
            }
        }

        return new WfdbRecord("sequence", rate, leads[0].Count,
            [.. SyntheticEcg.LeadNames.Select((name, l) => Signal(name, [.. leads[l]]))], ["Age: 66", "Sex: Male"]);
    }

    public static WfdbSignal Signal(string name, float[] millivolts, string units = "mV")
    {
        var spec = new WfdbSignalSpec("x.dat", 16, 1, 0, 0, 1000, 0, units, 16, 0, null, null, 0, name);
        return new WfdbSignal(spec, [.. millivolts.Select(v => (int)Math.Round(v * 1000))]);
    }

    private static string StandardName(string name) =>
        name.StartsWith("ML", StringComparison.OrdinalIgnoreCase) ? name[2..] : name;
}
