using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct ScoreComponentSurrogate
{
    [Id(0)] public string Name;
    [Id(1)] public int Value;
    [Id(2)] public ClinicalCode? Code;
}
