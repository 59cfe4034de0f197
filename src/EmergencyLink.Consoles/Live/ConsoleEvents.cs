using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Messaging;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Consoles.Live;

/// <summary>
/// Committed changes for the consoles. Console components run on the server, so they subscribe here in-process
/// rather than through a SignalR client of our own hubs; the live feed the grains push to notifies this too.
/// A subscriber that throws is logged and skipped, so one broken circuit never stops the others (or a grain).
/// </summary>
public sealed class ConsoleEvents(ILogger<ConsoleEvents> logger)
{
    private readonly Lock gate = new();

    // Copy-on-write: publishing (frequent, from grains) never locks; subscribing (rare, per circuit) pays instead.
    private volatile IConsoleListener[] subscribers = [];

    /// <summary>Starts delivering events to <paramref name="listener"/> until the returned handle is disposed.</summary>
    public IDisposable Subscribe(IConsoleListener listener)
    {
        lock (gate)
        {
            subscribers = [.. subscribers, listener];
        }

        return new Subscription(this, listener);
    }

    /// <summary>The last coverage measured, so a console opened between two measurements still shows one.</summary>
    public CoverageFigure? LatestCoverage { get; private set; }

    public void CoverageChanged(CoverageFigure coverage)
    {
        LatestCoverage = coverage;
        Publish(l => l.OnCoverageChanged(coverage));
    }

    public void IncidentChanged(IncidentSnapshot incident) => Publish(l => l.OnIncidentChanged(incident));

    public void UnitChanged(AmbulanceSnapshot unit) => Publish(l => l.OnUnitChanged(unit));

    public void HospitalChanged(HospitalSnapshot hospital) => Publish(l => l.OnHospitalChanged(hospital));

    public void AlertRaised(IncidentSnapshot incident, CaseAlert alert) => Publish(l => l.OnAlertRaised(incident, alert));

    /// <param name="hospitalId">The case's destination, if any, so an ED console can tell its own patients.</param>
    public void Vitals(string? hospitalId, TelemetryDelivery vitals) => Publish(l => l.OnVitals(hospitalId, vitals));

    /// <summary>
    /// Every live delivery at full rate (ECG, vitals, video), for a console that opened the patient: the ED board draws
    /// the ECG from it. Listeners filter by case at once; most ignore it.
    /// </summary>
    public void Telemetry(string? hospitalId, TelemetryDelivery delivery) => Publish(l => l.OnTelemetry(hospitalId, delivery));

    /// <summary>A message of the ED, crew or dispatch; the crew screen shows it at once, before the case's next snapshot.</summary>
    public void CaseMessage(IncidentSnapshot incident, CaseMessage message) => Publish(l => l.OnCaseMessage(incident, message));

    /// <summary>A tele-guidance mark: a drawing stroke need not change the timeline, so no snapshot may follow it.</summary>
    public void GuidanceMarked(IncidentSnapshot incident, GuidanceMark mark) => Publish(l => l.OnGuidanceMarked(incident, mark));

    private void Publish(Action<IConsoleListener> deliver)
    {
        foreach (var listener in subscribers)
        {
            try
            {
                deliver(listener);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A console listener failed; it stays subscribed");
            }
        }
    }

    private void Unsubscribe(IConsoleListener listener)
    {
        lock (gate)
        {
            subscribers = subscribers.Where(l => !ReferenceEquals(l, listener)).ToArray();
        }
    }

    private sealed class Subscription(ConsoleEvents events, IConsoleListener listener) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                events.Unsubscribe(listener);
            }
        }
    }
}
