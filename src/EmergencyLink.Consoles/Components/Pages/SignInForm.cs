namespace EmergencyLink.Consoles.Components.Pages;

/// <summary>What the sign-in page posts: a role and, for ED and crew, the hospital or unit acted for.</summary>
public sealed class SignInForm
{
    public string Role { get; set; } = Security.Roles.Dispatcher;

    public string? Hospital { get; set; }

    public string? Vehicle { get; set; }

    public string? Name { get; set; }
}
