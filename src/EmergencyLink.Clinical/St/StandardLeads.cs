namespace EmergencyLink.Clinical.St;

/// <summary>
/// Lead names as the sources spell them: WFDB headers from PTB write "i", "avr", "v1", CinC 2021 writes "I", "aVR",
/// "V1", MIT-BIH "MLII" (modified limb lead II: the Mason-Likar placement with the limb electrodes on the torso).
/// Names are matched case-insensitively and reported in the conventional spelling; a modified limb lead "MLx" is read
/// as limb lead x, which is what its electrodes approximate.
/// </summary>
public static class StandardLeads
{
    private static readonly string[] Names = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>The 12 leads in recording order, conventionally spelled.</summary>
    public static IReadOnlyList<string> All => Names;

    public static string Name(StandardLead lead) => Names[(int)lead];

    public static bool TryParse(string? name, out StandardLead lead)
    {
        var trimmed = name?.Trim();
        if (trimmed is { Length: > 2 } && trimmed.StartsWith("ML", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[2..];
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(trimmed, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                lead = (StandardLead)i;
                return true;
            }
        }

        lead = default;
        return false;
    }

    /// <summary>The conventional spelling of a standard lead; any other name is returned trimmed but unchanged.</summary>
    public static string Canonical(string name) =>
        TryParse(name, out var lead) ? Name(lead) : name.Trim();
}
