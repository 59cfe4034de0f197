namespace EmergencyLink.Domain.Documentation;

/// <summary>What the crew submits; the server stamps the id, the time it was recorded and the author.</summary>
/// <param name="At">When it happened; null means now.</param>
public sealed record NewCareEntry(
    CareEntryKind Kind,
    string Text,
    DateTimeOffset? At = null,
    ClinicalCode? Code = null,
    double? Value = null,
    string? Unit = null,
    string? Route = null,
    PatientDetails? Patient = null,
    IReadOnlyList<ScoreComponent>? Components = null);
