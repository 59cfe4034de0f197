using System.Globalization;
using EmergencyLink.Clinical.Ecg;
using Xunit.Abstractions;

namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>
/// AF on the CPSC 2021 records present, from the ECG itself (two-lead QRS detection, then rhythm analysis): the record
/// class (non-AF / paroxysmal / persistent = AF over at least 90 % of the record) and every reference AF onset matched
/// by a detected onset within 10 s. Prints the per-record table of docs/clinical-validation.md.
/// </summary>
public sealed class AfValidationTests(ITestOutputHelper output)
{
    private const double OnsetToleranceSeconds = 10;

    [SkippableFact]
    public void Classifies_every_cpsc2021_record_and_finds_each_af_onset_within_10_s()
    {
        var failures = new List<string>();
        output.WriteLine("| record | class expected | class detected | reference AF episodes (s) | detected AF episodes (s) | onset errors (s) | offset errors (s) |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var name in EcgData.CpscRecords())
        {
            var record = EcgData.Record(name);
            var rate = record.SamplingRate;
            var expected = ExpectedClass(record.Comments);
            var reference = EcgData.ReferenceAfEpisodes(name, record.SampleCount);
            var beats = MultiLeadQrsDetector.Detect(EcgData.Leads(record), rate);
            var episodes = RhythmAnalyzer.Analyze(beats, rate, record.SampleCount);
            var af = episodes.Where(e => e.Rhythm == RhythmKind.AtrialFibrillation).ToList();
            var detected = RhythmAnalyzer.ClassifyAf(episodes, 0, record.SampleCount);

            var onsetErrors = new List<string>();
            var offsetErrors = new List<string>();
            foreach (var (start, end) in reference)
            {
                var nearest = af.OrderBy(e => Math.Abs(e.StartSample - start)).FirstOrDefault();
                if (nearest is null || Math.Abs(nearest.StartSample - start) > OnsetToleranceSeconds * rate)
                {
                    failures.Add($"{name}: no detected onset within {OnsetToleranceSeconds} s of {start / rate:F1} s");
                    onsetErrors.Add("missed");
                    continue;
                }

                onsetErrors.Add(Seconds((nearest.StartSample - start) / rate, signed: true));
                offsetErrors.Add(Seconds((nearest.EndSample - end) / rate, signed: true));
                if (nearest.EndSample <= nearest.StartSample)
                {
                    failures.Add($"{name}: episode at {nearest.StartSample / rate:F1} s has no end after its onset");
                }
            }

            if (detected != expected)
            {
                failures.Add($"{name}: expected {expected}, detected {detected}");
            }

            output.WriteLine(
                $"| {name} | {expected} | {detected} | {Episodes(reference.Select(e => (e.Start, e.End)), rate)} | " +
                $"{Episodes(af.Select(e => (e.StartSample, e.EndSample)), rate)} | {string.Join(", ", onsetErrors)} | {string.Join(", ", offsetErrors)} |");
        }

        Assert.Empty(failures);
    }

    private static AfRecordClass ExpectedClass(IReadOnlyList<string> comments)
    {
        var text = string.Join(" ", comments);
        if (text.Contains("non atrial fibrillation", StringComparison.OrdinalIgnoreCase))
        {
            return AfRecordClass.NonAf;
        }

        if (text.Contains("persistent", StringComparison.OrdinalIgnoreCase))
        {
            return AfRecordClass.Persistent;
        }

        return text.Contains("paroxysmal", StringComparison.OrdinalIgnoreCase)
            ? AfRecordClass.Paroxysmal
            : throw new InvalidOperationException($"No CPSC class in '{text}'.");
    }

    private static string Episodes(IEnumerable<(long Start, long End)> episodes, double rate)
    {
        var text = string.Join(", ", episodes.Select(e => $"{Seconds(e.Start / rate)}–{Seconds(e.End / rate)}"));
        return text.Length == 0 ? "none" : text;
    }

    private static string Seconds(double value, bool signed = false) =>
        value.ToString(signed ? "+0.0;-0.0;0.0" : "0.0", CultureInfo.InvariantCulture);
}
