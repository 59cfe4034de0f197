using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct CareEntrySurrogate
{
    [Id(0)] public string Id;
    [Id(1)] public CareEntryKind Kind;
    [Id(2)] public DateTimeOffset At;
    [Id(3)] public DateTimeOffset RecordedAt;
    [Id(4)] public string Author;
    [Id(5)] public string Text;
    [Id(6)] public ClinicalCode? Code;
    [Id(7)] public double? Value;
    [Id(8)] public string? Unit;
    [Id(9)] public string? Route;
    [Id(10)] public PatientDetails? Patient;
    [Id(11)] public IReadOnlyList<ScoreComponent>? Components;
    [Id(12)] public string? Amends;
    [Id(13)] public string? Reason;
    [Id(14)] public bool Retracted;
}
