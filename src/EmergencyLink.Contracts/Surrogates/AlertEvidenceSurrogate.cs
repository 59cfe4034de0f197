namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct AlertEvidenceSurrogate
{
    [Id(0)] public string Item;
    [Id(1)] public double? Value;
    [Id(2)] public string? Unit;
    [Id(3)] public string Finding;
}
