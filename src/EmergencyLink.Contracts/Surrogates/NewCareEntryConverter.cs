using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class NewCareEntryConverter : IConverter<NewCareEntry, NewCareEntrySurrogate>
{
    public NewCareEntry ConvertFromSurrogate(in NewCareEntrySurrogate s) =>
        new(s.Kind, s.Text, s.At, s.Code, s.Value, s.Unit, s.Route, s.Patient, s.Components);

    public NewCareEntrySurrogate ConvertToSurrogate(in NewCareEntry v) => new()
    {
        Kind = v.Kind, Text = v.Text, At = v.At, Code = v.Code, Value = v.Value, Unit = v.Unit, Route = v.Route, Patient = v.Patient,
        Components = v.Components,
    };
}
