using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class HandoverLoopConverter : IConverter<HandoverLoop, HandoverLoopSurrogate>
{
    public HandoverLoop ConvertFromSurrogate(in HandoverLoopSurrogate s) => new(s.Id, s.HospitalId, s.State, s.Steps);

    public HandoverLoopSurrogate ConvertToSurrogate(in HandoverLoop v) => new()
    {
        Id = v.Id, HospitalId = v.HospitalId, State = v.State, Steps = v.Steps,
    };
}
