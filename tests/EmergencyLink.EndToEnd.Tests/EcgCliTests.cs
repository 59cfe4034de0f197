using System.Diagnostics;
using System.Text.Json;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>The built CLI's <c>ecg analyze</c> as a user runs it: one JSON object on stdout, errors as exit code 2.</summary>
public sealed class EcgCliTests
{
    [SkippableFact]
    public async Task Ecg_analyze_json_prints_one_object_whose_beats_match_the_mitdb_100_annotations()
    {
        var header = SharedData.File("ecg/mitdb/100.hea");
        var reference = WfdbAnnotationReader.Read(SharedData.File("ecg/mitdb/100.atr")).Where(a => a.IsBeat).Select(a => a.Sample).ToArray();

        var (code, stdout, stderr) = await RunAsync("ecg", "analyze", header[..^4], "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(360, root.GetProperty("samplingRate").GetDouble());
        var beats = root.GetProperty("beats").EnumerateArray().Select(b => b.GetInt64()).ToArray();
        var score = BeatScore.Compare(reference, beats, 54);
        Assert.True(score.Sensitivity >= 0.995 && score.PositivePredictivity >= 0.995, $"{score}");
        Assert.InRange(root.GetProperty("heartRate").GetDouble(), 40, 150);
        foreach (var episode in root.GetProperty("rhythmEpisodes").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(episode.GetProperty("rhythm").GetString()));
            Assert.True(episode.GetProperty("endSample").GetInt64() >= episode.GetProperty("startSample").GetInt64());
        }

        Assert.Equal(["II", "V5"], root.GetProperty("stMillivolts").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("stMillivolts").EnumerateObject(), p => Assert.InRange(p.Value.GetDouble(), -1, 1));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("alerts").ValueKind);
    }

    [Fact]
    public async Task Ecg_analyze_of_a_missing_record_fails_with_exit_code_2_and_a_message_without_a_stack_trace()
    {
        var (code, stdout, stderr) = await RunAsync("ecg", "analyze", Path.Combine(Path.GetTempPath(), "no-such-record-" + Guid.NewGuid()));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("no-such-record", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Binaries.Cli());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
