namespace EmergencyLink.Contracts.Surrogates;

[GenerateSerializer]
public struct OffloadSampleSurrogate
{
    [Id(0)] public string IncidentId;
    [Id(1)] public string? AmbulanceId;
    [Id(2)] public DateTimeOffset ArrivedAt;
    [Id(3)] public DateTimeOffset TransferOfCareAt;
}
