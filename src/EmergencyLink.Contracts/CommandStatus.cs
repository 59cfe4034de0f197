namespace EmergencyLink.Contracts;

/// <summary>How a command ended; the host maps it to an HTTP status.</summary>
[GenerateSerializer]
public enum CommandStatus
{
    Ok,
    Created,
    NotFound,

    /// <summary>Not permitted in the current state, or the unit is busy: HTTP 409.</summary>
    Conflict,

    /// <summary>Arguments missing or wrong: HTTP 400.</summary>
    Invalid,
}
