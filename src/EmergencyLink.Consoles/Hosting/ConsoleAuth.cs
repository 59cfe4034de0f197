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

    /// <summary>The organisation's OpenID Connect provider; it signs into <see cref="Scheme"/>.</summary>
    public const string ExternalScheme = "ConsolesOidc";

    /// <summary>Starts the external sign-in (a GET, so a plain link on the sign-in page can start it).</summary>
    public const string ExternalSignInPath = "/signin/external";

    /// <summary>Where the provider sends the browser back with the authorization code.</summary>
    public const string ExternalCallbackPath = "/signin-oidc";

    /// <summary>Sends a user who has just signed in to their role's console (or back where they were going).</summary>
    public const string LandingPath = "/signin/landing";

    /// <summary>Any signed-in console user (every console page and the Blazor circuit).</summary>
    public const string Signedin = "console-signed-in";

    /// <summary>Dispatch staff: the same roles as the API's dispatch policy.</summary>
    public const string Dispatch = "console-dispatch";

    /// <summary>An ED user of one hospital (the hospital claim says which), or dispatch staff, who pick a hospital to watch.</summary>
    public const string Ed = "console-ed";

    /// <summary>The crew of one unit (the vehicle claim says which).</summary>
    public const string Crew = "console-crew";
}
