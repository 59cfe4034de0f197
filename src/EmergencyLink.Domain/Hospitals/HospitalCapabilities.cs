namespace EmergencyLink.Domain.Hospitals;

/// <summary>What a receiving hospital can do; drives destination choice by working diagnosis.</summary>
/// <param name="Pci24x7">Primary PCI around the clock (STEMI destination).</param>
/// <param name="Thrombectomy">Mechanical thrombectomy (large-vessel-occlusion stroke).</param>
/// <param name="StrokeUnit">Acute stroke unit with thrombolysis.</param>
/// <param name="TraumaLevel">ACS trauma centre level 1 (highest) to 4; 0 = not a trauma centre.</param>
/// <param name="Paediatric">Paediatric emergency department.</param>
public sealed record HospitalCapabilities(
    bool Pci24x7,
    bool Thrombectomy,
    bool StrokeUnit,
    int TraumaLevel,
    bool Paediatric)
{
    public static HospitalCapabilities None { get; } = new(false, false, false, 0, false);
}
