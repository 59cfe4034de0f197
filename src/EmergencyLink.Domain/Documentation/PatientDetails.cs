namespace EmergencyLink.Domain.Documentation;

/// <summary>
/// Who the patient is, as far as the crew knows. Unidentified patients are the rule in trauma: the name stays null
/// ("unknown") and the age is an estimate ("unknown male, about 60").
/// </summary>
/// <param name="Name">Full name if known; null while the patient is unidentified.</param>
/// <param name="BirthDate">When known (a document, a relative); it makes <paramref name="AgeYears"/> exact.</param>
/// <param name="AgeYears">Known or estimated age in whole years.</param>
/// <param name="AgeEstimated">True when the age is the crew's estimate.</param>
/// <param name="Identifier">An identity document or hospital number if one was seen.</param>
public sealed record PatientDetails(
    string? Name,
    AdministrativeSex Sex,
    DateOnly? BirthDate,
    int? AgeYears,
    bool AgeEstimated,
    string? Identifier = null)
{
    public bool Identified => Name is not null;

    /// <summary>The patient in words, for boards and the handover: "Jane Doe, female, 54" or "unknown male, about 60".</summary>
    public string Describe()
    {
        var sex = Sex == AdministrativeSex.Unknown ? "sex unknown" : Sex.ToString().ToLowerInvariant();
        var age = AgeYears is { } years ? (AgeEstimated ? $"about {years}" : $"{years}") : "age unknown";
        return Name is null ? $"unknown {sex}, {age}" : $"{Name}, {sex}, {age}";
    }
}
