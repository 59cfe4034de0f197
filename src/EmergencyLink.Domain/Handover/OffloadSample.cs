namespace EmergencyLink.Domain.Handover;

/// <summary>One case's offload interval ("wall time") at a hospital: arrival at the ED to transfer of care.</summary>
public sealed record OffloadSample(string IncidentId, string? AmbulanceId, DateTimeOffset ArrivedAt, DateTimeOffset TransferOfCareAt)
{
    public TimeSpan Interval => TransferOfCareAt - ArrivedAt;

    public double IntervalSeconds => Interval.TotalSeconds;

    /// <summary>The sample of a loop whose transfer of care is recorded, else null.</summary>
    public static OffloadSample? From(string incidentId, string? ambulanceId, HandoverLoop loop) =>
        loop.ArrivedAt is { } arrived && loop.TransferOfCareAt is { } transferred
            ? new OffloadSample(incidentId, ambulanceId, arrived, transferred)
            : null;
}
