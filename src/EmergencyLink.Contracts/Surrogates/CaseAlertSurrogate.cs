using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct CaseAlertSurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public AlertKind Kind;
    [Id(2)] public string Source;
    [Id(3)] public string Summary;
    [Id(4)] public IReadOnlyList<AlertEvidence> Evidence;
    [Id(5)] public DateTimeOffset ObservedAt;
    [Id(6)] public DateTimeOffset RaisedAt;
    [Id(7)] public string? AcknowledgedBy;
    [Id(8)] public DateTimeOffset? AcknowledgedAt;
}
