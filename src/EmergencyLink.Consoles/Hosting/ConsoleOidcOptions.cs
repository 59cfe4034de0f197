namespace EmergencyLink.Consoles.Hosting;

/// <summary>
/// The organisation's OpenID Connect provider, through which a production console signs people in (authorization
/// code with PKCE). Bound from "Consoles:Oidc". The provider must say who may do what: its ID tokens carry a role
/// and, for ED and crew users, the hospital or unit they act for, under the claim names configured here.
/// </summary>
public sealed class ConsoleOidcOptions
{
    /// <summary>The issuer, e.g. https://login.example.org/realms/ems. Empty: no external sign-in.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Null for a public client (PKCE alone).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Only a development provider on plain HTTP may turn this off; the handler refuses HTTP metadata otherwise.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The provider's claim holding one of EmergencyLink's roles (dispatcher, ed, crew, admin).</summary>
    public string RoleClaim { get; set; } = Security.ClaimNames.Role;

    public string HospitalClaim { get; set; } = Security.ClaimNames.Hospital;

    public string VehicleClaim { get; set; } = Security.ClaimNames.Vehicle;

    public string NameClaim { get; set; } = Security.ClaimNames.Name;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
