namespace EmergencyLink.Geo.Coverage;

/// <summary>Moving an idle unit to a station, and the coverage before and after.</summary>
public sealed record MoveUp(string AmbulanceId, string StationId, double CoveredShareBefore, double CoveredShareAfter);
