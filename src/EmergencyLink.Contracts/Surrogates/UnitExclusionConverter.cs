using EmergencyLink.Domain.Dispatch;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class UnitExclusionConverter : IConverter<UnitExclusion, UnitExclusionSurrogate>
{
    public UnitExclusion ConvertFromSurrogate(in UnitExclusionSurrogate s) =>
        new(s.AmbulanceId, s.CallSign, s.Status, s.Capability, s.EtaSeconds, s.Reason);

    public UnitExclusionSurrogate ConvertToSurrogate(in UnitExclusion v) => new()
    {
        AmbulanceId = v.AmbulanceId, CallSign = v.CallSign, Status = v.Status, Capability = v.Capability,
        EtaSeconds = v.EtaSeconds, Reason = v.Reason,
    };
}
