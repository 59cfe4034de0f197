using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>No two reported beats closer than the 200 ms refractory period, on real ICU monitor ECG with artefact.</summary>
public sealed class QrsRefractoryTests
{
    [SkippableTheory]
    [InlineData("challenge2015/v102s")]
    [InlineData("challenge2015/a103l")]
    public void Reported_r_peaks_are_never_closer_than_200_ms(string name)
    {
        // v102s (tall T waves, a false VT alarm) and a103l: the R peak is looked for up to 100 ms either side of the
        // QRS energy, so two energy peaks 200 ms apart could be reported as R peaks 130 ms apart.
        var record = WfdbReader.Read(SharedData.File($"vitals/{name}.hea")[..^4]);
        var ecg = record.Signals.Where(s => s.Units == "mV").Select(s => s.ToMillivolts()).ToArray();
        var refractory = 0.200 * record.SamplingRate;

        foreach (var beats in ecg.Select(lead => QrsDetector.Detect(lead, record.SamplingRate)).Append(MultiLeadQrsDetector.Detect(ecg, record.SamplingRate)))
        {
            Assert.True(beats.Length > 100);
            Assert.All(beats.Zip(beats.Skip(1)), pair => Assert.True(pair.Second - pair.First >= refractory, $"{pair.First} and {pair.Second}"));
        }
    }
}
