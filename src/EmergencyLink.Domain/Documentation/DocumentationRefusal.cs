namespace EmergencyLink.Domain.Documentation;

/// <summary>Why a documentation entry or correction was not recorded.</summary>
public enum DocumentationRefusal
{
    None,

    /// <summary>The entry breaks a rule (a missing dose, a time in the future, a case that holds too many entries).</summary>
    Invalid,

    /// <summary>The entry to correct does not exist.</summary>
    NotFound,

    /// <summary>The entry to correct was already corrected or withdrawn: correct its latest version.</summary>
    Conflict,
}
