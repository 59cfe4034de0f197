using System.Threading.Channels;
using EmergencyLink.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Coverage;

/// <summary>
/// Recomputes coverage when a unit's status changes and pushes it to the dispatch hub. Changes are coalesced for
/// a short quiet period, so a burst (a shift change, a major incident) costs one computation, not one per unit.
/// </summary>
public sealed class CoverageMonitor(
    CoverageService coverage,
    IHubContext<DispatchHub, IDispatchClient> hub,
    TimeProvider time,
    ILogger<CoverageMonitor> logger,
    Consoles.Live.ConsoleEvents consoles) : BackgroundService
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void UnitsChanged() => changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(QuietPeriod, time, stoppingToken);
                while (changes.Reader.TryRead(out _))
                {
                }

                try
                {
                    var report = await coverage.MeasureAsync();
                    consoles.CoverageChanged(new(report.TargetMinutes, report.CoveredShare, report.AvailableUnits, report.At));
                    await hub.Clients.All.CoverageChanged(report);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Coverage could not be recomputed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
