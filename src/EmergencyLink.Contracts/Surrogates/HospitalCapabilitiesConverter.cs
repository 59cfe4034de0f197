using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class HospitalCapabilitiesConverter : IConverter<HospitalCapabilities, HospitalCapabilitiesSurrogate>
{
    public HospitalCapabilities ConvertFromSurrogate(in HospitalCapabilitiesSurrogate s) =>
        new(s.Pci24x7, s.Thrombectomy, s.StrokeUnit, s.TraumaLevel, s.Paediatric);

    public HospitalCapabilitiesSurrogate ConvertToSurrogate(in HospitalCapabilities v) => new()
    {
        Pci24x7 = v.Pci24x7, Thrombectomy = v.Thrombectomy, StrokeUnit = v.StrokeUnit, TraumaLevel = v.TraumaLevel,
        Paediatric = v.Paediatric,
    };
}
