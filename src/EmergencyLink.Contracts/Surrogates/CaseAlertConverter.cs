using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class CaseAlertConverter : IConverter<CaseAlert, CaseAlertSurrogate>
{
    public CaseAlert ConvertFromSurrogate(in CaseAlertSurrogate s) =>
        new(s.Id, s.Kind, s.Source, s.Summary, s.Evidence, s.ObservedAt, s.RaisedAt, s.AcknowledgedBy, s.AcknowledgedAt);

    public CaseAlertSurrogate ConvertToSurrogate(in CaseAlert v) => new()
    {
        Id = v.Id, Kind = v.Kind, Source = v.Source, Summary = v.Summary, Evidence = v.Evidence, ObservedAt = v.ObservedAt,
        RaisedAt = v.RaisedAt, AcknowledgedBy = v.AcknowledgedBy, AcknowledgedAt = v.AcknowledgedAt,
    };
}
