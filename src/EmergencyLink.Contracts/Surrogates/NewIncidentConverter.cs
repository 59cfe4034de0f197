using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class NewIncidentConverter : IConverter<NewIncident, NewIncidentSurrogate>
{
    public NewIncident ConvertFromSurrogate(in NewIncidentSurrogate s) =>
        new(s.Location, s.Complaint, s.Priority, s.Address, s.CallerPhone, s.Notes);

    public NewIncidentSurrogate ConvertToSurrogate(in NewIncident v) => new()
    {
        Location = v.Location, Complaint = v.Complaint, Priority = v.Priority, Address = v.Address,
        CallerPhone = v.CallerPhone, Notes = v.Notes,
    };
}
