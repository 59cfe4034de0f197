using EmergencyLink.Security;

namespace EmergencyLink.Consoles.Hosting;

/// <summary>Where a console user goes once signed in, whichever way they signed in.</summary>
public static class ConsoleLanding
{
    /// <summary>
    /// The page they were going to, if it is a page of this host; else their role's console. "/" is the console list,
    /// and a newcomer who opened the host's root wants their own console.
    /// </summary>
    public static string For(string? role, string? returnUrl) =>
        IsLocalPage(returnUrl) && returnUrl != "/"
            ? returnUrl!
            : role switch
            {
                Roles.Ed => "/ed",
                Roles.Crew => "/crew",
                _ => "/dispatch",
            };

    /// <summary>Only a path on this host: "//elsewhere" and "/\elsewhere" are read by browsers as other sites.</summary>
    public static bool IsLocalPage(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
