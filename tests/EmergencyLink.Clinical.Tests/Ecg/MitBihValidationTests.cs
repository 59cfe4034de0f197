using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Wfdb;
using Xunit.Abstractions;

namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>
/// QRS detection scored as the standard does (ANSI/AAMI EC57): a detection within 150 ms of a reference beat is a
/// true positive, each reference matched once. No learning period is excluded.
/// </summary>
public sealed class MitBihValidationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Detects_the_beats_of_mitdb_100_with_sensitivity_and_positive_predictivity_of_at_least_99_5_percent()
    {
        var header = SharedData.File("ecg/mitdb/100.hea");
        var path = header[..^4];
        var record = WfdbReader.Read(path);
        var signal = record.Find("MLII")!.ToMillivolts();
        var reference = WfdbAnnotationReader.Read(path + ".atr").Where(a => a.IsBeat).Select(a => a.Sample).ToArray();

        var detected = QrsDetector.Detect(signal, record.SamplingRate);

        var tolerance = (long)Math.Round(0.150 * record.SamplingRate);
        var used = new bool[detected.Length];
        var truePositives = 0;
        var j = 0;
        foreach (var beat in reference)
        {
            while (j < detected.Length && detected[j] < beat - tolerance)
            {
                j++;
            }

            for (var k = j; k < detected.Length && detected[k] <= beat + tolerance; k++)
            {
                if (!used[k])
                {
                    used[k] = true;
                    truePositives++;
                    break;
                }
            }
        }

        var sensitivity = truePositives / (double)reference.Length;
        var predictivity = truePositives / (double)detected.Length;
        output.WriteLine($"mitdb/100: reference {reference.Length}, detected {detected.Length}, TP {truePositives}, " +
            $"FN {reference.Length - truePositives}, FP {detected.Length - truePositives}, Se {sensitivity:P2}, +P {predictivity:P2}");
        Assert.True(sensitivity >= 0.995, $"Se {sensitivity:P2}");
        Assert.True(predictivity >= 0.995, $"+P {predictivity:P2}");
    }
}
