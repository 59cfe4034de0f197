using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class AlertEvidenceConverter : IConverter<AlertEvidence, AlertEvidenceSurrogate>
{
    public AlertEvidence ConvertFromSurrogate(in AlertEvidenceSurrogate s) => new(s.Item, s.Value, s.Unit, s.Finding);

    public AlertEvidenceSurrogate ConvertToSurrogate(in AlertEvidence v) => new()
    {
        Item = v.Item, Value = v.Value, Unit = v.Unit, Finding = v.Finding,
    };
}
