namespace EmergencyLink.Server.Hosting;

/// <summary>
/// Production sets either <see cref="Authority"/> (an OpenID Connect issuer) or <see cref="SigningKey"/>. Outside
/// production, with neither set, a key is made in the data folder on first run.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }

    /// <summary>Base64 HS256 key of at least 256 bits.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = Security.TokenDefaults.Issuer;

    public string Audience { get; set; } = Security.TokenDefaults.Audience;
}
