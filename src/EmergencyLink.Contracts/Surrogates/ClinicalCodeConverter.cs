using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class ClinicalCodeConverter : IConverter<ClinicalCode, ClinicalCodeSurrogate>
{
    public ClinicalCode ConvertFromSurrogate(in ClinicalCodeSurrogate s) => new(s.System, s.Code, s.Display);

    public ClinicalCodeSurrogate ConvertToSurrogate(in ClinicalCode v) => new() { System = v.System, Code = v.Code, Display = v.Display };
}
