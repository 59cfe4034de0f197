using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct NewCareEntrySurrogate
{
    [Id(0)] public CareEntryKind Kind;
    [Id(1)] public string Text;
    [Id(2)] public DateTimeOffset? At;
    [Id(3)] public ClinicalCode? Code;
    [Id(4)] public double? Value;
    [Id(5)] public string? Unit;
    [Id(6)] public string? Route;
    [Id(7)] public PatientDetails? Patient;
    [Id(8)] public IReadOnlyList<ScoreComponent>? Components;
}
