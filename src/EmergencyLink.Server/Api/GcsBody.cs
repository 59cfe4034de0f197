namespace EmergencyLink.Server.Api;

/// <summary>Glasgow Coma Scale components as entered; a null component is not testable (e.g. verbal when intubated).</summary>
public sealed record GcsBody(int? Eye, int? Verbal, int? Motor);
