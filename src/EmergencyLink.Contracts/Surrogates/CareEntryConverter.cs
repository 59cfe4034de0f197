using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class CareEntryConverter : IConverter<CareEntry, CareEntrySurrogate>
{
    public CareEntry ConvertFromSurrogate(in CareEntrySurrogate s) =>
        new(s.Id, s.Kind, s.At, s.RecordedAt, s.Author, s.Text, s.Code, s.Value, s.Unit, s.Route, s.Patient, s.Components, s.Amends, s.Reason, s.Retracted);

    public CareEntrySurrogate ConvertToSurrogate(in CareEntry v) => new()
    {
        Id = v.Id, Kind = v.Kind, At = v.At, RecordedAt = v.RecordedAt, Author = v.Author, Text = v.Text, Code = v.Code, Value = v.Value,
        Unit = v.Unit, Route = v.Route, Patient = v.Patient, Components = v.Components, Amends = v.Amends, Reason = v.Reason,
        Retracted = v.Retracted,
    };
}
