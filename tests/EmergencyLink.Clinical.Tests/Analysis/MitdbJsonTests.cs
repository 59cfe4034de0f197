using System.Diagnostics;
using System.Text.Json;
using EmergencyLink.Clinical.Analysis;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Tests.Ecg;
using Xunit.Abstractions;

namespace EmergencyLink.Clinical.Tests.Analysis;

/// <summary>
/// The JSON that <c>ecg analyze --json</c> prints, on MIT-BIH 100 (30 min, 2 leads, 360 Hz): its beats, read back from
/// the JSON, match the reference annotations (EC57: within 150 ms) and the whole record is analysed in seconds.
/// </summary>
public sealed class MitdbJsonTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void The_json_beats_of_mitdb_100_match_its_annotations_and_the_record_takes_seconds()
    {
        var record = EcgData.Record("mitdb/100");
        var reference = EcgData.ReferenceBeats("mitdb/100");

        var clock = Stopwatch.StartNew();
        var text = RecordAnalysisJson.Write(RecordAnalyzer.Analyze(record));
        clock.Stop();

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var beats = root.GetProperty("beats").EnumerateArray().Select(b => b.GetInt64()).ToArray();
        var score = BeatScore.Compare(reference, beats, (long)Math.Round(0.150 * 360));
        output.WriteLine($"{beats.Length} beats, Se {score.Sensitivity:P2}, +P {score.PositivePredictivity:P2}, {clock.ElapsedMilliseconds} ms, {text.Length} chars");

        Assert.Equal(360, root.GetProperty("samplingRate").GetDouble());
        Assert.True(score.Sensitivity >= 0.995, $"Se {score.Sensitivity:P2}");
        Assert.True(score.PositivePredictivity >= 0.995, $"+P {score.PositivePredictivity:P2}");
        var expectedRate = 60.0 * (reference.Length - 1) * 360 / (reference[^1] - reference[0]);
        Assert.InRange(root.GetProperty("heartRate").GetDouble(), expectedRate - 1, expectedRate + 1);
        Assert.Equal(["II", "V5"], root.GetProperty("stMillivolts").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(root.GetProperty("rhythmEpisodes").EnumerateArray(), e => e.GetProperty("rhythm").GetString() == "AF");
        Assert.Equal(JsonValueKind.Array, root.GetProperty("alerts").ValueKind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }
}
