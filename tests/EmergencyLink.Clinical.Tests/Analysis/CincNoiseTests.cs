using EmergencyLink.Clinical.Analysis;
using EmergencyLink.Clinical.Tests.Ecg;
using EmergencyLink.Clinical.Wfdb;
using EmergencyLink.Domain.Alerts;
using Xunit.Abstractions;

namespace EmergencyLink.Clinical.Tests.Analysis;

/// <summary>
/// The CinC 2021 records with white noise added to every lead (0.05 and 0.1 mV RMS, the order of muscle noise in a
/// moving ambulance): the J-point reading must not turn noise into ST elevation. A record may end up not assessed
/// (too noisy to read), never with a STEMI.
/// </summary>
public sealed class CincNoiseTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    public void Added_white_noise_raises_no_stemi_on_any_cinc2021_record(double rmsMillivolts)
    {
        var failures = new List<string>();
        var notAssessed = 0;
        foreach (var name in EcgData.CincRecords())
        {
            var record = EcgData.Record(name);
            var random = new Random(name.Sum(c => c) * 31 + (int)(rmsMillivolts * 1000));
            var signals = record.Signals.Select(s => Records.Signal(s.Name, Noisy(s.ToMillivolts(), rmsMillivolts, random))).ToList();

            var analysis = RecordAnalyzer.Analyze(new WfdbRecord(record.Name, record.SamplingRate, record.SampleCount, signals, record.Comments));

            if (analysis.Stemi is not { Assessed: true })
            {
                notAssessed++;
            }

            if (analysis.Stemi is { Met: true } || analysis.Alerts.Any(a => a.Kind == AlertKind.Stemi))
            {
                failures.Add($"{name}: STEMI {analysis.Stemi?.Territories} in " +
                             string.Join(", ", analysis.Stemi!.ElevatedLeads.Select(e => $"{e.Lead} {e.JPointMillivolts:0.00}")));
            }
        }

        output.WriteLine($"{rmsMillivolts} mV: {failures.Count} STEMI, {notAssessed} not assessed");
        Assert.Empty(failures);
    }

    private static float[] Noisy(float[] millivolts, double rms, Random random)
    {
        for (var i = 0; i < millivolts.Length; i++)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            millivolts[i] += (float)(rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return millivolts;
    }
}
