using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Grains;
using EmergencyLink.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Live;

/// <summary>
/// Pushes committed changes from grains to hub clients. SendAsync only queues to each connection, so a slow
/// viewer never holds up a grain.
/// </summary>
public sealed class SignalRLiveFeed(
    IHubContext<DispatchHub, IDispatchClient> dispatch,
    IHubContext<HospitalHub, IHospitalClient> hospitals,
    CaseWatchers watchers,
    Coverage.CoverageMonitor coverage,
    Handovers.HandoverPublisher handovers,
    IHubContext<CrewHub, ICrewClient> crews,
    Consoles.Live.ConsoleEvents consoles) : ILiveFeed
{
    public async Task IncidentChangedAsync(IncidentSnapshot incident)
    {
        handovers.Notify(incident);
        consoles.IncidentChanged(incident);
        await (incident.Timeline.Count == 1
            ? dispatch.Clients.All.IncidentCreated(incident)
            : dispatch.Clients.All.IncidentChanged(incident));
        if (incident.AmbulanceId is { } unit)
        {
            await crews.Clients.Group(CrewHub.GroupOf(unit)).CaseChanged(incident);
        }
    }

    public Task UnitChangedAsync(AmbulanceSnapshot unit)
    {
        coverage.UnitsChanged();
        consoles.UnitChanged(unit);
        return dispatch.Clients.All.UnitStatusChanged(unit);
    }

    public Task UnitMovedAsync(AmbulanceSnapshot unit)
    {
        consoles.UnitChanged(unit);
        return dispatch.Clients.All.UnitPositionChanged(unit);
    }

    public async Task HospitalChangedAsync(HospitalSnapshot hospital)
    {
        consoles.HospitalChanged(hospital);
        await dispatch.Clients.All.HospitalStatusChanged(hospital);
        await hospitals.Clients.Group(HospitalHub.GroupOf(hospital.Id)).HospitalStatusChanged(hospital);
    }

    public Task InboundChangedAsync(string hospitalId, IncidentSnapshot incident) =>
        hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId)).InboundChanged(incident);

    /// <summary>
    /// The case is no longer inbound to this hospital (diverted, handed over, closed): its screens there stop getting
    /// the patient's full-rate stream, and must ask again (and be refused, if diverted) to see more.
    /// </summary>
    public async Task InboundRemovedAsync(string hospitalId, string incidentId, CaseState state)
    {
        foreach (var connectionId in watchers.TakeEdWatchers(incidentId, hospitalId))
        {
            await hospitals.Groups.RemoveFromGroupAsync(connectionId, HospitalHub.CaseGroupOf(incidentId));
        }

        await hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId)).InboundRemoved(new InboundRemoval(hospitalId, incidentId, state));
    }

    public async Task TelemetryAsync(string? hospitalId, TelemetryDelivery delivery)
    {
        await hospitals.Clients.Group(HospitalHub.CaseGroupOf(delivery.CaseId)).Telemetry(delivery);
        consoles.Telemetry(hospitalId, delivery);
        var vitals = delivery.Frames.Where(f => f.Kind == TelemetryKind.Vitals).ToArray();
        if (vitals.Length == 0)
        {
            return;
        }

        var summary = delivery with { Frames = vitals };
        if (hospitalId is not null)
        {
            await hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId)).Telemetry(summary);
        }

        consoles.Vitals(hospitalId, summary);
        await dispatch.Clients.All.Vitals(summary);
    }

    public async Task AlertRaisedAsync(IncidentSnapshot incident, CaseAlert alert)
    {
        var message = new AlertMessage(incident.Id, incident.HospitalId, incident.AmbulanceId, alert);
        consoles.AlertRaised(incident, alert);
        if (incident.HospitalId is { } hospitalId)
        {
            await hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId)).AlertRaised(message);
        }

        await dispatch.Clients.All.AlertRaised(message);
    }

    public async Task AlertsForDestinationAsync(string hospitalId, IncidentSnapshot incident, IReadOnlyList<CaseAlert> alerts)
    {
        var group = hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId));
        foreach (var alert in alerts)
        {
            await group.AlertRaised(new AlertMessage(incident.Id, hospitalId, incident.AmbulanceId, alert));
        }
    }

    public async Task HandoverLoopChangedAsync(IncidentSnapshot incident, HandoverLoop loop)
    {
        var message = new HandoverLoopMessage(incident.Id, loop.HospitalId, incident.AmbulanceId, incident.Priority, loop);
        await hospitals.Clients.Group(HospitalHub.GroupOf(loop.HospitalId)).HandoverLoopChanged(message);
        await dispatch.Clients.All.HandoverLoopChanged(message);
    }

    public async Task PreAlertEscalatedAsync(IncidentSnapshot incident, HandoverLoop loop)
    {
        var escalation = new PreAlertEscalation(incident.Id, loop.HospitalId, incident.AmbulanceId, incident.Priority,
            loop.EscalationLevel, loop.AwaitingAcknowledgementSince, loop);
        await hospitals.Clients.Group(HospitalHub.GroupOf(loop.HospitalId)).PreAlertEscalated(escalation);
        await dispatch.Clients.All.PreAlertEscalated(escalation);
    }

    public async Task CaseMessageAsync(IncidentSnapshot incident, CaseMessage message)
    {
        consoles.CaseMessage(incident, message);
        var notice = new CaseMessageNotice(incident.Id, incident.HospitalId, incident.AmbulanceId, message);
        if (incident.AmbulanceId is { } unit)
        {
            await crews.Clients.Group(CrewHub.GroupOf(unit)).CaseMessage(notice);
        }

        if (incident.HospitalId is { } hospitalId)
        {
            await hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId)).CaseMessage(notice);
        }

        await dispatch.Clients.All.CaseMessage(notice);
    }

    /// <summary>
    /// The crew first: it is the screen the clinician is guiding. The ED's case group too, so every ED screen that opened
    /// the patient (the one that drew it included) shows the same marks; not the whole board, which shows no video.
    /// </summary>
    public async Task GuidanceMarkedAsync(IncidentSnapshot incident, GuidanceMark mark)
    {
        consoles.GuidanceMarked(incident, mark);
        var notice = new GuidanceNotice(incident.Id, incident.HospitalId, incident.AmbulanceId, mark);
        if (incident.AmbulanceId is { } unit)
        {
            await crews.Clients.Group(CrewHub.GroupOf(unit)).GuidanceMark(notice);
        }

        await hospitals.Clients.Group(HospitalHub.CaseGroupOf(incident.Id)).GuidanceMark(notice);
    }
}
