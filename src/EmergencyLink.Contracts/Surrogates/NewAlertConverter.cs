using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class NewAlertConverter : IConverter<NewAlert, NewAlertSurrogate>
{
    public NewAlert ConvertFromSurrogate(in NewAlertSurrogate s) => new(s.Kind, s.Source, s.Summary, s.Evidence, s.ObservedAt);

    public NewAlertSurrogate ConvertToSurrogate(in NewAlert v) => new()
    {
        Kind = v.Kind, Source = v.Source, Summary = v.Summary, Evidence = v.Evidence, ObservedAt = v.ObservedAt,
    };
}
