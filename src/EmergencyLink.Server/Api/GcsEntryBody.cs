namespace EmergencyLink.Server.Api;

/// <summary>A GCS for the record; a null component is not testable (e.g. verbal when intubated).</summary>
public sealed record GcsEntryBody(int? Eye, int? Verbal, int? Motor, DateTimeOffset? At);
