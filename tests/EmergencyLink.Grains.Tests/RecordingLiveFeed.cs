using System.Collections.Concurrent;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Grains.Tests;

/// <summary>Remembers every push so tests can see what viewers would have received.</summary>
public sealed class RecordingLiveFeed : ILiveFeed
{
    public ConcurrentQueue<(string HospitalId, string IncidentId, CaseState State, bool Removed)> Inbound { get; } = new();

    public ConcurrentQueue<IncidentSnapshot> Incidents { get; } = new();

    public ConcurrentQueue<AmbulanceSnapshot> Units { get; } = new();

    public ConcurrentQueue<(string? HospitalId, TelemetryDelivery Delivery)> Telemetry { get; } = new();

    public ConcurrentQueue<(string IncidentId, string? HospitalId, CaseAlert Alert)> Alerts { get; } = new();

    /// <summary>Alerts pushed to an ED that became the destination after they were raised.</summary>
    public ConcurrentQueue<(string IncidentId, string HospitalId, CaseAlert Alert)> Forwarded { get; } = new();

    /// <summary>Handover-loop steps pushed to the loop's ED, and escalations, in order.</summary>
    public ConcurrentQueue<(string IncidentId, HandoverLoop Loop, bool Escalation)> Loops { get; } = new();

    public Task IncidentChangedAsync(IncidentSnapshot incident)
    {
        Incidents.Enqueue(incident);
        return Task.CompletedTask;
    }

    public Task UnitChangedAsync(AmbulanceSnapshot unit)
    {
        Units.Enqueue(unit);
        return Task.CompletedTask;
    }

    public Task UnitMovedAsync(AmbulanceSnapshot unit)
    {
        Units.Enqueue(unit);
        return Task.CompletedTask;
    }

    public Task HospitalChangedAsync(HospitalSnapshot hospital) => Task.CompletedTask;

    public Task InboundChangedAsync(string hospitalId, IncidentSnapshot incident)
    {
        Inbound.Enqueue((hospitalId, incident.Id, incident.State, false));
        return Task.CompletedTask;
    }

    public Task InboundRemovedAsync(string hospitalId, string incidentId, CaseState state)
    {
        Inbound.Enqueue((hospitalId, incidentId, state, true));
        return Task.CompletedTask;
    }

    public Task TelemetryAsync(string? hospitalId, TelemetryDelivery delivery)
    {
        Telemetry.Enqueue((hospitalId, delivery));
        return Task.CompletedTask;
    }

    public Task AlertRaisedAsync(IncidentSnapshot incident, CaseAlert alert)
    {
        Alerts.Enqueue((incident.Id, incident.HospitalId, alert));
        return Task.CompletedTask;
    }

    public Task AlertsForDestinationAsync(string hospitalId, IncidentSnapshot incident, IReadOnlyList<CaseAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            Forwarded.Enqueue((incident.Id, hospitalId, alert));
        }

        return Task.CompletedTask;
    }

    public Task HandoverLoopChangedAsync(IncidentSnapshot incident, HandoverLoop loop)
    {
        Loops.Enqueue((incident.Id, loop, false));
        return Task.CompletedTask;
    }

    public Task PreAlertEscalatedAsync(IncidentSnapshot incident, HandoverLoop loop)
    {
        Loops.Enqueue((incident.Id, loop, true));
        return Task.CompletedTask;
    }

    /// <summary>Messages pushed, with the case's destination and unit at the time.</summary>
    public ConcurrentQueue<(string IncidentId, string? HospitalId, string? AmbulanceId, CaseMessage Message)> Messages { get; } = new();

    /// <summary>Guidance marks pushed, with the unit whose crew gets them.</summary>
    public ConcurrentQueue<(string IncidentId, string? AmbulanceId, GuidanceMark Mark)> Guidance { get; } = new();

    public Task CaseMessageAsync(IncidentSnapshot incident, CaseMessage message)
    {
        Messages.Enqueue((incident.Id, incident.HospitalId, incident.AmbulanceId, message));
        return Task.CompletedTask;
    }

    public Task GuidanceMarkedAsync(IncidentSnapshot incident, GuidanceMark mark)
    {
        Guidance.Enqueue((incident.Id, incident.AmbulanceId, mark));
        return Task.CompletedTask;
    }
}
