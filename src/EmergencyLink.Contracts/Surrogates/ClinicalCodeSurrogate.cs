namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct ClinicalCodeSurrogate
{
    [Id(0)] public string System;
    [Id(1)] public string Code;
    [Id(2)] public string Display;
}
