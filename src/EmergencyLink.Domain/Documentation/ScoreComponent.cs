namespace EmergencyLink.Domain.Documentation;

/// <summary>One item of a scored assessment: GCS eye 3, verbal 4, motor 6.</summary>
public sealed record ScoreComponent(string Name, int Value, ClinicalCode? Code = null);
