using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// The calling thread's CPU time: on Linux from clock_gettime(CLOCK_THREAD_CPUTIME_ID), elsewhere the process's (which
/// also counts the runtime's own threads, so it overstates a little).
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var spec) == 0)
        {
            return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, and this blittable call needs none.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
