using System.Diagnostics;
using System.Globalization;
using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>bench-ecg</c>: what the live ECG analysis (<see cref="EcgMonitor"/>) costs per second of ECG. A synthetic patient
/// is generated and cut into link frames up front (not timed); then each run pushes the whole stream through a fresh
/// monitor on one thread, timed with a Stopwatch and, on Linux, with the thread's own CPU clock: on a shared machine
/// the wall time also counts the time other processes held the core, the thread CPU time does not. Prints every run
/// and the medians, with and without decoding the wire payload (which the link grain also does per frame), and the
/// bytes allocated per frame.
/// </summary>
public static class EcgBenchCommand
{
    public const string Usage = "bench-ecg [--patient stemi-inferior] [--seconds 300] [--rate 500] [--frame-ms 40] [--runs 7]";

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "patient", "seconds", "rate", "frame-ms", "runs");
        var scenario = options.Get("patient") ?? SyntheticScenarios.StemiInferior;
        var seconds = options.GetInt("seconds", 300, 30, 3600);
        var rate = options.GetInt("rate", 500, EcgMonitor.MinimumRateHz, EcgMonitor.MaximumRateHz);
        var frameSamples = Math.Max(1, rate * options.GetInt("frame-ms", 40, 1, 10_000) / 1000);
        var runs = options.GetInt("runs", 7, 1, 100);

        var patient = SyntheticScenarios.Create(scenario, 20261207, rate);
        var blocks = new List<EcgBlock>();
        var payloads = new List<byte[]>();
        for (long first = 0; first + frameSamples <= (long)seconds * rate; first += frameSamples)
        {
            var leads = patient.Ecg.Next(frameSamples);
            var raw = new short[leads.Length][];
            for (var l = 0; l < leads.Length; l++)
            {
                raw[l] = new short[frameSamples];
                for (var i = 0; i < frameSamples; i++)
                {
                    raw[l][i] = (short)Math.Clamp(Math.Round(leads[l][i] * 1000), short.MinValue, short.MaxValue);
                }
            }

            var block = new EcgBlock(rate, 1, first, raw);
            blocks.Add(block);
            payloads.Add(TelemetryCodec.EncodeEcg(block));
            patient.Ecg.ForgetBeatsBefore(first);
        }

        var ecgSeconds = blocks.Count * frameSamples / (double)rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: {ecgSeconds:F0} s of 12-lead ECG at {rate} Hz in {blocks.Count} frames of {frameSamples} samples; {runs} runs after a warm-up"));

        var monitorOnly = new List<double>();
        var withDecode = new List<double>();
        var cpuOnly = new List<double>();
        long allocated = 0;
        string findings = "";
        for (var run = -1; run < runs; run++)
        {
            var (ms, cpuMs, bytes, alerts) = Time(blocks, null, rate);
            var (decodeMs, _, _, _) = Time(blocks, payloads, rate);
            if (run < 0)
            {
                continue;
            }

            monitorOnly.Add(ms / ecgSeconds);
            cpuOnly.Add(cpuMs / ecgSeconds);
            withDecode.Add(decodeMs / ecgSeconds);
            allocated = bytes;
            findings = alerts;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: monitor {ms:F1} ms wall, {cpuMs:F1} ms thread CPU ({cpuMs / ecgSeconds:F4} ms per s of ECG); decode + monitor {decodeMs:F1} ms wall"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median per second of ECG: monitor {Median(cpuOnly):F4} ms thread CPU (target < 0.2), {Median(monitorOnly):F4} ms wall; decode + monitor {Median(withDecode):F4} ms wall; " +
            $"{allocated / (double)blocks.Count:F0} bytes allocated per frame by the monitor; alerts: {findings}"));
        return 0;
    }

    private static (double Ms, double CpuMs, long Bytes, string Alerts) Time(List<EcgBlock> blocks, List<byte[]>? payloads, int rate)
    {
        var monitor = new EcgMonitor();
        var alerts = new List<string>();
        var t0 = DateTimeOffset.UnixEpoch;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (payloads is not null && !TelemetryCodec.TryDecodeEcg(payloads[i], out block, out _))
            {
                throw new InvalidOperationException("A frame did not decode.");
            }

            foreach (var alert in monitor.Push(block, t0.AddTicks(block.FirstSample * TimeSpan.TicksPerSecond / rate)))
            {
                alerts.Add(alert.Kind.ToString());
            }
        }

        clock.Stop();
        var cpuMs = (ThreadCpu.Now() - cpu).TotalMilliseconds;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return (clock.Elapsed.TotalMilliseconds, cpuMs, bytes, alerts.Count == 0 ? "none" : string.Join(", ", alerts));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
