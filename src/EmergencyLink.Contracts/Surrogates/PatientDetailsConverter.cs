using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class PatientDetailsConverter : IConverter<PatientDetails, PatientDetailsSurrogate>
{
    public PatientDetails ConvertFromSurrogate(in PatientDetailsSurrogate s) =>
        new(s.Name, s.Sex, s.BirthDate, s.AgeYears, s.AgeEstimated, s.Identifier);

    public PatientDetailsSurrogate ConvertToSurrogate(in PatientDetails v) => new()
    {
        Name = v.Name, Sex = v.Sex, BirthDate = v.BirthDate, AgeYears = v.AgeYears, AgeEstimated = v.AgeEstimated, Identifier = v.Identifier,
    };
}
