namespace EmergencyLink.Server.Api;

/// <summary>Parses the API's enum names: exact names, case-insensitive, never numbers.</summary>
public static class Names
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
               && !char.IsDigit(text.TrimStart()[0]) && text.TrimStart()[0] != '-'
               && Enum.TryParse(text.Trim(), ignoreCase: true, out value)
               && Enum.IsDefined(value);
    }

    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
