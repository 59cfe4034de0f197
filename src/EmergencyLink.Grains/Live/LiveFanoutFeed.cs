using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;
using EmergencyLink.Grains.Live.Events;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// The feed grains call in a cluster: hands each change to every other live node's queue (a case's full-rate telemetry
/// only to nodes that view the case), then performs it on this node. The enqueue comes first and is synchronous, so the changes of one grain (whose calls are sequential) reach
/// every queue in the order it made them. With no other node the event is never even built.
/// </summary>
public sealed class LiveFanoutFeed(
    [FromKeyedServices(LiveFeedKeys.Origin)] ILiveFeed origin,
    LiveFanout fanout) : ILiveFeed
{
    public Task IncidentChangedAsync(IncidentSnapshot incident)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new IncidentChangedEvent(incident));
        }

        return origin.IncidentChangedAsync(incident);
    }

    public Task UnitChangedAsync(AmbulanceSnapshot unit)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new UnitChangedEvent(unit));
        }

        return origin.UnitChangedAsync(unit);
    }

    public Task UnitMovedAsync(AmbulanceSnapshot unit)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new UnitMovedEvent(unit));
        }

        return origin.UnitMovedAsync(unit);
    }

    public Task HospitalChangedAsync(HospitalSnapshot hospital)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new HospitalChangedEvent(hospital));
        }

        return origin.HospitalChangedAsync(hospital);
    }

    public Task InboundChangedAsync(string hospitalId, IncidentSnapshot incident)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new InboundChangedEvent(hospitalId, incident));
        }

        return origin.InboundChangedAsync(hospitalId, incident);
    }

    public Task InboundRemovedAsync(string hospitalId, string incidentId, CaseState state)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new InboundRemovedEvent(hospitalId, incidentId, state));
        }

        return origin.InboundRemovedAsync(hospitalId, incidentId, state);
    }

    /// <summary>
    /// The whole delivery to nodes whose viewers have the case open, its vitals alone (if any) to the others: boards
    /// and dispatch show vitals only (see <see cref="LiveFanout"/>).
    /// </summary>
    public Task TelemetryAsync(string? hospitalId, TelemetryDelivery delivery)
    {
        TelemetryEvent? whole = null;
        TelemetryEvent? vitals = null;
        var vitalsBuilt = false;
        foreach (var link in fanout.Links)
        {
            if (fanout.ViewsAtFullRate(link.Entry.Silo, delivery.CaseId))
            {
                link.Enqueue(whole ??= new TelemetryEvent(hospitalId, delivery));
                continue;
            }

            if (!vitalsBuilt)
            {
                vitalsBuilt = true;
                var onlyVitals = delivery.Frames.Where(f => f.Kind == TelemetryKind.Vitals).ToArray();
                vitals = onlyVitals.Length == 0 ? null
                    : onlyVitals.Length == delivery.Frames.Count ? whole ??= new TelemetryEvent(hospitalId, delivery)
                    : new TelemetryEvent(hospitalId, delivery with { Frames = onlyVitals });
            }

            if (vitals is not null)
            {
                link.Enqueue(vitals);
            }
        }

        return origin.TelemetryAsync(hospitalId, delivery);
    }

    public Task AlertRaisedAsync(IncidentSnapshot incident, CaseAlert alert)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new AlertRaisedEvent(incident, alert));
        }

        return origin.AlertRaisedAsync(incident, alert);
    }

    public Task AlertsForDestinationAsync(string hospitalId, IncidentSnapshot incident, IReadOnlyList<CaseAlert> alerts)
    {
        if (!fanout.Links.IsEmpty)
        {
            // Copied: the caller's list may be its live state, and the queue holds it past this call.
            fanout.Forward(new AlertsForDestinationEvent(hospitalId, incident, alerts.ToArray()));
        }

        return origin.AlertsForDestinationAsync(hospitalId, incident, alerts);
    }

    public Task HandoverLoopChangedAsync(IncidentSnapshot incident, HandoverLoop loop)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new HandoverLoopChangedEvent(incident, loop));
        }

        return origin.HandoverLoopChangedAsync(incident, loop);
    }

    public Task PreAlertEscalatedAsync(IncidentSnapshot incident, HandoverLoop loop)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new PreAlertEscalatedEvent(incident, loop));
        }

        return origin.PreAlertEscalatedAsync(incident, loop);
    }

    public Task CaseMessageAsync(IncidentSnapshot incident, CaseMessage message)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new CaseMessageEvent(incident, message));
        }

        return origin.CaseMessageAsync(incident, message);
    }

    public Task GuidanceMarkedAsync(IncidentSnapshot incident, GuidanceMark mark)
    {
        if (!fanout.Links.IsEmpty)
        {
            fanout.Forward(new GuidanceMarkedEvent(incident, mark));
        }

        return origin.GuidanceMarkedAsync(incident, mark);
    }
}
