using System.Runtime.InteropServices;
using EmergencyLink.LinkEmulator;

EmulatorArguments arguments;
try
{
    arguments = EmulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(EmulatorCommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
// SIGTERM too, so a script that backgrounds the emulator can stop it through the same orderly disposal as Ctrl+C.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var proxy = new LinkProxy(arguments.Link, arguments.Listen, arguments.Upstream);
proxy.Start();
Console.Error.WriteLine($"{proxy.ListenEndPoint} -> {arguments.Upstream}, profile {arguments.Profile}: {arguments.Link}");
try
{
    if (arguments.Stats)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            Console.Error.WriteLine((proxy.InOutage ? "[coverage hole] " : string.Empty) + proxy.Counters.Snapshot());
        }
    }
    else
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C: leave through the disposal of the proxy.
}

return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
