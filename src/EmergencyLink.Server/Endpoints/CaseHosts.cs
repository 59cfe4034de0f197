namespace EmergencyLink.Server.Endpoints;

/// <summary>Where a case's grains run: silo endpoints (address:port), null for a grain not active anywhere.</summary>
public sealed record CaseHosts(string CaseId, string? CaseSilo, string? UnitId, string? TelemetrySilo, string AnsweredBy);
