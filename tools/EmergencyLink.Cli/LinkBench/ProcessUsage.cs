using System.Globalization;

namespace EmergencyLink.Cli.LinkBench;

/// <summary>CPU time and memory of a process from /proc (Linux), for the server's share of a benchmark.</summary>
public sealed record ProcessUsage(double CpuSeconds, double RssMiB, double PeakRssMiB)
{
    // Linux reports utime and stime in clock ticks of USER_HZ, which is 100 on every mainstream kernel.
    private const double TicksPerSecond = 100;

    public static ProcessUsage? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            var status = File.ReadAllLines($"/proc/{pid}/status");
            double Kb(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return new ProcessUsage(cpu, Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
