using System.Security.Claims;
using EmergencyLink.Consoles.Map;
using EmergencyLink.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyLink.Consoles.Hosting;

/// <summary>
/// Production sign-in through the organisation's OpenID Connect provider. The provider's ID token is turned into the
/// same claims the role-picking sign-in and the API's tokens carry, so one set of scope rules reads all three; a
/// token that does not say exactly one EmergencyLink role, and the hospital or unit that role needs, is refused.
/// </summary>
public static class ExternalSignIn
{
    /// <summary>The reasons a refused sign-in is sent back to the sign-in page with; the page words them.</summary>
    public const string NoRole = "no-role";

    public const string SeveralRoles = "several-roles";

    public const string NoScope = "no-scope";

    public const string UnknownScope = "unknown-scope";

    public const string Failed = "failed";

    private const string RefusalItem = "EmergencyLink.Consoles.SignInRefusal";

    public static void AddTo(AuthenticationBuilder authentication, ConsoleOidcOptions oidc)
    {
        authentication.AddOpenIdConnect(ConsoleAuth.ExternalScheme, options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.SignInScheme = ConsoleAuth.Scheme;
            options.CallbackPath = ConsoleAuth.ExternalCallbackPath;
            // The code flow with PKCE: no token ever travels through the browser, and a stolen code is useless.
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            // The console keeps its own 12-hour cookie; the provider's tokens are not needed after sign-in.
            options.SaveTokens = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = oidc.NameClaim,
                RoleClaimType = oidc.RoleClaim,
            };
            // Correlation and nonce cookies follow the request's scheme: Secure behind HTTPS (production), and still
            // usable by a development provider on plain HTTP.
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        authentication.Services.AddOptions<OpenIdConnectOptions>(ConsoleAuth.ExternalScheme)
            .Configure<RegionDrawing>((options, region) => options.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context =>
                {
                    var (principal, refusal) = Translate(context.Principal, oidc, region);
                    if (principal is null)
                    {
                        context.HttpContext.Items[RefusalItem] = refusal;
                        context.Fail($"The provider's sign-in was refused: {refusal}.");
                    }
                    else
                    {
                        context.Principal = principal;
                    }

                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    var reason = context.HttpContext.Items[RefusalItem] as string ?? Failed;
                    context.Response.Redirect($"{ConsoleAuth.SignInPath}?error={reason}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            });
    }

    /// <summary>Our claims from the provider's, or why there can be none.</summary>
    public static (ClaimsPrincipal? Principal, string Refusal) Translate(ClaimsPrincipal? external, ConsoleOidcOptions oidc, RegionDrawing region)
    {
        if (external is null)
        {
            return (null, Failed);
        }

        // A provider may list application roles beside ours (or roles of other applications): only ours count, and a
        // person who holds two of ours must be given one, since every console acts in one scope.
        var roles = external.FindAll(oidc.RoleClaim).Select(c => c.Value).Where(Roles.All.Contains).Distinct(StringComparer.Ordinal).ToArray();
        if (roles.Length == 0)
        {
            return (null, NoRole);
        }

        if (roles.Length > 1)
        {
            return (null, SeveralRoles);
        }

        var role = roles[0];
        var subject = external.FindFirst(ClaimNames.Subject)?.Value;
        var name = external.FindFirst(oidc.NameClaim)?.Value ?? subject;
        var hospital = role == Roles.Ed ? external.FindFirst(oidc.HospitalClaim)?.Value : null;
        var vehicle = role == Roles.Crew ? external.FindFirst(oidc.VehicleClaim)?.Value : null;
        if (string.IsNullOrWhiteSpace(subject) || new TokenRequest(role, name ?? "", vehicle, hospital).Problem() is not null)
        {
            return (null, NoScope);
        }

        if ((hospital is not null && !region.HospitalIds.Contains(hospital)) || (vehicle is not null && region.Fleet.All(u => u.Id != vehicle)))
        {
            return (null, UnknownScope);
        }

        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Name, name!), new(ClaimNames.Role, role) };
        if (hospital is not null)
        {
            claims.Add(new Claim(ClaimNames.Hospital, hospital));
        }

        if (vehicle is not null)
        {
            claims.Add(new Claim(ClaimNames.Vehicle, vehicle));
        }

        return (new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleAuth.ExternalScheme, ClaimNames.Name, ClaimNames.Role)), "");
    }

    /// <summary>The sign-in page's words for a refusal code; unknown codes (a hand-typed URL) read as a plain failure.</summary>
    public static string Describe(string? refusal) => refusal switch
    {
        NoRole => "Your organisation's account has no EmergencyLink role (dispatcher, ed, crew or admin). Ask your administrator.",
        SeveralRoles => "Your organisation's account holds more than one EmergencyLink role; a console acts in one. Ask your administrator.",
        NoScope => "Your organisation's account does not say which hospital (ED) or unit (crew) you act for, or has no name.",
        UnknownScope => "The hospital or unit your organisation's account names is not in this region.",
        _ => "The sign-in through your organisation's provider did not complete. Try again.",
    };
}
