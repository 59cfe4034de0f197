using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct NewAlertSurrogate
{
    [Id(0)] public AlertKind Kind;
    [Id(1)] public string Source;
    [Id(2)] public string Summary;
    [Id(3)] public IReadOnlyList<AlertEvidence> Evidence;
    [Id(4)] public DateTimeOffset ObservedAt;
}
