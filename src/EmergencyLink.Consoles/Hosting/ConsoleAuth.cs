namespace EmergencyLink.Consoles.Hosting;

/// <summary>
/// The consoles sign people in with a cookie of their own scheme. The API stays bearer-only: its fallback policy
/// authenticates with the default (JWT) scheme, so this cookie never opens /api, /fhir or /hubs.
/// </summary>
public static class ConsoleAuth
{
    public const string Scheme = "Consoles";

    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    /// <summary>Any signed-in console user (every console page and the Blazor circuit).</summary>
    public const string Signedin = "console-signed-in";

    /// <summary>Dispatch staff: the same roles as the API's dispatch policy.</summary>
    public const string Dispatch = "console-dispatch";

    /// <summary>An ED user of one hospital (the hospital claim says which), or dispatch staff, who pick a hospital to watch.</summary>
    public const string Ed = "console-ed";

    /// <summary>The crew of one unit (the vehicle claim says which).</summary>
    public const string Crew = "console-crew";
}
