using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class CaseCommandConverter : IConverter<CaseCommand, CaseCommandSurrogate>
{
    public CaseCommand ConvertFromSurrogate(in CaseCommandSurrogate s) =>
        new(s.Trigger, s.AmbulanceId, s.HospitalId, s.Disposition, s.Reason, s.Priority);

    public CaseCommandSurrogate ConvertToSurrogate(in CaseCommand v) => new()
    {
        Trigger = v.Trigger, AmbulanceId = v.AmbulanceId, HospitalId = v.HospitalId, Disposition = v.Disposition,
        Reason = v.Reason, Priority = v.Priority,
    };
}
