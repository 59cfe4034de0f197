namespace EmergencyLink.Security;

/// <summary>JWT claim names, kept short and unmapped (inbound claim mapping is off).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The unit a crew token may act for.</summary>
    public const string Vehicle = "vehicle";

    /// <summary>The hospital an ED token may act for.</summary>
    public const string Hospital = "hospital";
}
