using System.Diagnostics;
using System.Globalization;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>bench-qrs [--record PATH] [--seconds 300] [--runs 7] [--frame-ms 20]</c>: QRS detection throughput in samples per
/// second, single-lead and fused 12-lead at 500 Hz, and the CPU time that QRS detection plus rhythm analysis take per
/// second of 12-lead ECG, each the median of several runs (of at least 0.5 s each) after a warm-up, on one thread. The ECG is the synthetic
/// 12-lead generator's (sinus 75/min with noise) or a WFDB record (PATH without extension): its leads resampled to 500 Hz,
/// repeated to make 12 when it has fewer, and the record repeated to make <c>--seconds</c>.
/// </summary>
public static class QrsBenchCommand
{
    public const string Usage = "bench-qrs [--record WFDB-PATH-WITHOUT-EXTENSION] [--seconds N] [--runs N] [--frame-ms N]";

    private const double Rate = 500;
    private const int Leads = 12;

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "record", "seconds", "runs", "frame-ms");
        var seconds = options.GetInt("seconds", 300, 10, 3600);
        var runs = options.GetInt("runs", 7, 1, 100);
        var frame = (int)(options.GetInt("frame-ms", 20, 1, 10_000) * Rate / 1000);
        var (leads, source) = options.Get("record") is { } path ? FromRecord(path, seconds) : (Synthetic(seconds), "synthetic 12-lead, sinus 75/min, noise on");
        var samples = leads[0].Length;
        var ecgSeconds = samples / Rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input: {source}; {Leads} leads at {Rate:F0} Hz, {ecgSeconds:F0} s, pushed in frames of {frame} samples; median of {runs} runs of >= 0.5 s after >= 1 s warm-up, one thread"));

        var beats = 0;
        var single = Median(runs, () => beats = DetectSingle(leads[1], frame));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"QRS single lead (lead 2): {samples / single.Wall / 1e6:F2} M samples/s ({ecgSeconds / single.Wall:F0}x real time), {beats} beats"));

        var fused = Median(runs, () => beats = DetectFused(leads, frame, null));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"QRS fused 12-lead: {samples / fused.Wall / 1e6:F2} M frames/s = {Leads * samples / fused.Wall / 1e6:F2} M lead-samples/s ({ecgSeconds / fused.Wall:F0}x real time), {beats} beats"));

        var episodes = 0;
        var withRhythm = Median(runs, () =>
        {
            var analyzer = new RhythmAnalyzer(Rate);
            beats = DetectFused(leads, frame, analyzer);
            episodes = analyzer.Finish(samples).Count;
            return beats;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"QRS fused 12-lead + rhythm: {withRhythm.Cpu * 1000 / ecgSeconds:F3} ms CPU per second of ECG ({100 * withRhythm.Cpu / ecgSeconds:F3} % of one core), wall {withRhythm.Wall * 1000 / ecgSeconds:F3} ms/s; {beats} beats, {episodes} rhythm episodes"));
        return 0;
    }

    private static int DetectSingle(float[] lead, int frame)
    {
        var detector = new QrsDetector(Rate);
        var beats = new List<long>();
        for (var offset = 0; offset < lead.Length; offset += frame)
        {
            detector.Push(lead.AsSpan(offset, Math.Min(frame, lead.Length - offset)), beats);
        }

        detector.Flush(beats);
        return beats.Count;
    }

    private static int DetectFused(float[][] leads, int frame, RhythmAnalyzer? analyzer)
    {
        var detector = new MultiLeadQrsDetector(Rate, leads.Length);
        var beats = new List<long>();
        var frames = new float[leads.Length][];
        for (var offset = 0; offset < leads[0].Length; offset += frame)
        {
            var count = Math.Min(frame, leads[0].Length - offset);
            for (var l = 0; l < leads.Length; l++)
            {
                if (frames[l]?.Length != count)
                {
                    frames[l] = new float[count];
                }

                Array.Copy(leads[l], offset, frames[l], 0, count);
            }

            var before = beats.Count;
            detector.Push(frames, beats);
            if (analyzer is not null)
            {
                for (var i = before; i < beats.Count; i++)
                {
                    analyzer.AddBeat(beats[i]);
                }

                analyzer.AdvanceTo(detector.SettledSample);
            }
        }

        var flushedFrom = beats.Count;
        detector.Flush(beats);
        for (var i = flushedFrom; analyzer is not null && i < beats.Count; i++)
        {
            analyzer.AddBeat(beats[i]);
        }

        return beats.Count;
    }

    /// <summary>
    /// Median wall and process CPU seconds per pass over the input, of <paramref name="runs"/> runs after warming up for
    /// at least a second (JIT tiers, caches). A run repeats the pass for at least 0.5 s, since the process CPU clock
    /// ticks in milliseconds and one pass can take only a few.
    /// </summary>
    private static (double Wall, double Cpu) Median(int runs, Func<int> action)
    {
        var warm = Stopwatch.StartNew();
        do
        {
            action();
        }
        while (warm.Elapsed < TimeSpan.FromSeconds(1));

        var walls = new double[runs];
        var cpus = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < runs; r++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var passes = 0;
            do
            {
                action();
                passes++;
            }
            while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(0.5));

            walls[r] = Stopwatch.GetElapsedTime(started).TotalSeconds / passes;
            process.Refresh();
            cpus[r] = (process.TotalProcessorTime - cpuBefore).TotalSeconds / passes;
        }

        Array.Sort(walls);
        Array.Sort(cpus);
        return (walls[runs / 2], cpus[runs / 2]);
    }

    private static float[][] Synthetic(int seconds)
    {
        var ecg = new SyntheticEcg(new SyntheticEcgOptions
        {
            SamplingRateHz = Rate,
            HeartRateBpm = 75,
            BaselineWanderMillivolts = 0.1,
            MuscleNoiseMillivolts = 0.02,
            Seed = 20261207,
        });
        return ecg.Next((int)(seconds * Rate));
    }

    private static (float[][] Leads, string Source) FromRecord(string path, int seconds)
    {
        var record = WfdbReader.Read(path.EndsWith(".hea", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path);
        var own = record.Signals.Select(s => Resample(s.ToMillivolts(), record.SamplingRate, Rate)).ToArray();
        var length = (int)(seconds * Rate);
        var leads = new float[Leads][];
        for (var l = 0; l < Leads; l++)
        {
            var from = own[l % own.Length];
            leads[l] = new float[length];
            for (var i = 0; i < length; i += from.Length)
            {
                Array.Copy(from, 0, leads[l], i, Math.Min(from.Length, length - i));
            }
        }

        var names = string.Join(",", record.Signals.Select(s => s.Name));
        return (leads, string.Create(CultureInfo.InvariantCulture,
            $"record {record.Name} ({record.Signals.Count} leads {names} at {record.SamplingRate:F0} Hz, {record.SampleCount / record.SamplingRate:F0} s{(own.Length < Leads ? ", leads repeated to 12" : "")}{(own[0].Length < length ? ", record repeated" : "")})"));
    }

    /// <summary>Linear interpolation to <paramref name="toRate"/> (enough for a throughput figure, not for analysis).</summary>
    private static float[] Resample(float[] signal, double fromRate, double toRate)
    {
        if (fromRate == toRate)
        {
            return signal;
        }

        var length = (int)Math.Floor((signal.Length - 1) * toRate / fromRate) + 1;
        var result = new float[length];
        for (var i = 0; i < length; i++)
        {
            var position = i * fromRate / toRate;
            var k = (int)position;
            var fraction = (float)(position - k);
            result[i] = k + 1 < signal.Length ? signal[k] + (fraction * (signal[k + 1] - signal[k])) : signal[k];
        }

        return result;
    }
}
