using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Grains.Tests.Fanout;

/// <summary>
/// Every call as one line, in the order received, with what identifies it (versions, timeline lengths, frame
/// sequences), under the key of the grain that made it (a case, a unit, a hospital): each key's lines are the changes of
/// one source (grain), whose order the fan-out keeps; lines of different keys may interleave differently per node.
/// </summary>
public sealed class LiveLog : ILiveFeed
{
    private readonly List<(string Key, string Line)> lines = [];

    public IReadOnlyList<(string Key, string Line)> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    public void Clear()
    {
        lock (lines)
        {
            lines.Clear();
        }
    }

    /// <summary>The lines of each key, in order: what must be the same on every node that sees them.</summary>
    public IReadOnlyDictionary<string, string[]> ByKey() =>
        Lines.GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Select(l => l.Line).ToArray());

    private Task Add(string key, string line)
    {
        lock (lines)
        {
            lines.Add((key, line));
        }

        return Task.CompletedTask;
    }

    private static string Of(IncidentSnapshot i) => $"{i.Id}/{i.State}/{i.Timeline.Count}/{i.Alerts.Count}";

    public Task IncidentChangedAsync(IncidentSnapshot incident) => Add(incident.Id, "incident " + Of(incident));

    public Task UnitChangedAsync(AmbulanceSnapshot unit) => Add(unit.Id, $"unit {unit.Id}/{unit.Status}/{unit.Version}");

    public Task UnitMovedAsync(AmbulanceSnapshot unit) => Add(unit.Id, $"moved {unit.Id}/{unit.Location}/{unit.Version}");

    public Task HospitalChangedAsync(HospitalSnapshot hospital) => Add(hospital.Id, $"hospital {hospital.Id}/{hospital.Diversion}");

    public Task InboundChangedAsync(string hospitalId, IncidentSnapshot incident) => Add(hospitalId, $"inbound {hospitalId} {Of(incident)}");

    public Task InboundRemovedAsync(string hospitalId, string incidentId, CaseState state) => Add(hospitalId, $"removed {hospitalId} {incidentId}/{state}");

    public Task TelemetryAsync(string? hospitalId, TelemetryDelivery delivery) =>
        Add(delivery.CaseId, $"telemetry {hospitalId} {delivery.CaseId} [{string.Join(",", delivery.Frames.Select(f => $"{f.Channel}#{f.Sequence}:{f.Payload.Length}"))}]");

    public Task AlertRaisedAsync(IncidentSnapshot incident, CaseAlert alert) => Add(incident.Id, $"alert {Of(incident)} {alert.Id}/{alert.Kind}");

    public Task AlertsForDestinationAsync(string hospitalId, IncidentSnapshot incident, IReadOnlyList<CaseAlert> alerts) =>
        Add(incident.Id, $"alerts-for {hospitalId} {Of(incident)} {string.Join(",", alerts.Select(a => a.Id))}");

    public Task HandoverLoopChangedAsync(IncidentSnapshot incident, HandoverLoop loop) => Add(incident.Id, $"loop {Of(incident)} {loop.Id}/{loop.State}/{loop.Steps.Count}");

    public Task PreAlertEscalatedAsync(IncidentSnapshot incident, HandoverLoop loop) => Add(incident.Id, $"escalated {Of(incident)} {loop.Id}");

    public Task CaseMessageAsync(IncidentSnapshot incident, CaseMessage message) => Add(incident.Id, $"message {Of(incident)} {message.Id}");

    public Task GuidanceMarkedAsync(IncidentSnapshot incident, GuidanceMark mark) => Add(incident.Id, $"mark {Of(incident)} {mark.Id}");
}
