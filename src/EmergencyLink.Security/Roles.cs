namespace EmergencyLink.Security;

/// <summary>The roles of DESIGN.md; a token carries exactly one.</summary>
public static class Roles
{
    public const string Dispatcher = "dispatcher";
    public const string Crew = "crew";
    public const string Ed = "ed";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Dispatcher, Crew, Ed, Admin];
}
