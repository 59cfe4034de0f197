namespace EmergencyLink.Server.Api;

/// <summary>
/// Ids come from URLs and bodies; anything that cannot be one of ours is turned away before it activates a grain.
/// </summary>
public static class Ids
{
    public const int MaxLength = 64;

    public static bool IsWellFormed(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
