using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Grains;

/// <summary>For silos without viewers (tools, tests that do not watch).</summary>
public sealed class NullLiveFeed : ILiveFeed
{
    public Task IncidentChangedAsync(IncidentSnapshot incident) => Task.CompletedTask;

    public Task UnitChangedAsync(AmbulanceSnapshot unit) => Task.CompletedTask;

    public Task UnitMovedAsync(AmbulanceSnapshot unit) => Task.CompletedTask;

    public Task HospitalChangedAsync(HospitalSnapshot hospital) => Task.CompletedTask;

    public Task InboundChangedAsync(string hospitalId, IncidentSnapshot incident) => Task.CompletedTask;

    public Task InboundRemovedAsync(string hospitalId, string incidentId, CaseState state) => Task.CompletedTask;

    public Task TelemetryAsync(string? hospitalId, TelemetryDelivery delivery) => Task.CompletedTask;

    public Task AlertRaisedAsync(IncidentSnapshot incident, CaseAlert alert) => Task.CompletedTask;

    public Task AlertsForDestinationAsync(string hospitalId, IncidentSnapshot incident, IReadOnlyList<CaseAlert> alerts) => Task.CompletedTask;

    public Task HandoverLoopChangedAsync(IncidentSnapshot incident, HandoverLoop loop) => Task.CompletedTask;

    public Task PreAlertEscalatedAsync(IncidentSnapshot incident, HandoverLoop loop) => Task.CompletedTask;

    public Task CaseMessageAsync(IncidentSnapshot incident, CaseMessage message) => Task.CompletedTask;

    public Task GuidanceMarkedAsync(IncidentSnapshot incident, GuidanceMark mark) => Task.CompletedTask;
}
