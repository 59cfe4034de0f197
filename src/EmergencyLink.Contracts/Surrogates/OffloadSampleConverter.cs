using EmergencyLink.Domain.Handover;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class OffloadSampleConverter : IConverter<OffloadSample, OffloadSampleSurrogate>
{
    public OffloadSample ConvertFromSurrogate(in OffloadSampleSurrogate s) =>
        new(s.IncidentId, s.AmbulanceId, s.ArrivedAt, s.TransferOfCareAt);

    public OffloadSampleSurrogate ConvertToSurrogate(in OffloadSample v) => new()
    {
        IncidentId = v.IncidentId, AmbulanceId = v.AmbulanceId, ArrivedAt = v.ArrivedAt, TransferOfCareAt = v.TransferOfCareAt,
    };
}
