namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct HospitalCapabilitiesSurrogate
{
    [Id(0)] public bool Pci24x7;
    [Id(1)] public bool Thrombectomy;
    [Id(2)] public bool StrokeUnit;
    [Id(3)] public int TraumaLevel;
    [Id(4)] public bool Paediatric;
}
