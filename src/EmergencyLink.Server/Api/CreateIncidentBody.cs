namespace EmergencyLink.Server.Api;

/// <summary>Fields are nullable so that a missing one is reported by name instead of defaulting to zero.</summary>
public sealed record CreateIncidentBody(
    LocationBody? Location,
    string? Address,
    string? Complaint,
    int? Priority,
    string? CallerPhone,
    string? Notes);
