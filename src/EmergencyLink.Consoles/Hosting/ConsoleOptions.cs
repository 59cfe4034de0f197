namespace EmergencyLink.Consoles.Hosting;

/// <summary>Bound from the "Consoles" section.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Consoles";

    /// <summary>
    /// Whether /signin lets anyone pick a role and scope. Null means "outside production only": a production host
    /// signs people in through its configured authority instead.
    /// </summary>
    public bool? PickRoleSignIn { get; set; }

    /// <summary>How long a console sign-in lasts (a dispatcher's shift and some).</summary>
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromHours(12);

    public ConsoleOidcOptions Oidc { get; set; } = new();
}
