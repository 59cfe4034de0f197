using EmergencyLink.Domain.Dispatch;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class UnitRecommendationConverter : IConverter<UnitRecommendation, UnitRecommendationSurrogate>
{
    public UnitRecommendation ConvertFromSurrogate(in UnitRecommendationSurrogate s) =>
        new(s.AmbulanceId, s.CallSign, s.EtaSeconds, s.DistanceMeters, s.Capability, s.Status);

    public UnitRecommendationSurrogate ConvertToSurrogate(in UnitRecommendation v) => new()
    {
        AmbulanceId = v.AmbulanceId, CallSign = v.CallSign, EtaSeconds = v.EtaSeconds,
        DistanceMeters = v.DistanceMeters, Capability = v.Capability, Status = v.Status,
    };
}
