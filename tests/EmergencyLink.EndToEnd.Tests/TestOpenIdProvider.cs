using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// An organisation's OpenID Connect provider, reduced to the authorization code flow with PKCE, on a loopback port:
/// discovery, keys, authorize (it signs in whoever <see cref="NextUser"/> says, without a login form), token. It checks
/// what a real provider checks of the client (client id and secret, redirect URI, the PKCE verifier, one use per
/// code), so a console that skipped a step of the flow would fail here too.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "emergencylink-consoles";

    public const string ClientSecret = "test-secret";

    private readonly ConcurrentDictionary<string, Grant> grants = new(StringComparer.Ordinal);
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private WebApplication? app;

    /// <summary>The claims the next authorization signs in with (besides iss, aud, nonce and times).</summary>
    public Dictionary<string, object> NextUser { get; set; } = [];

    public Uri Authority { get; private set; } = null!;

    public int CodesRedeemed { get; private set; }

    /// <summary>The server's settings for signing console users in through this provider.</summary>
    public Dictionary<string, string> ConsoleSettings() => new()
    {
        ["Consoles__Oidc__Authority"] = Authority.ToString().TrimEnd('/'),
        ["Consoles__Oidc__ClientId"] = ClientId,
        ["Consoles__Oidc__ClientSecret"] = ClientSecret,
        // A provider on plain HTTP: only a development provider may be one.
        ["Consoles__Oidc__RequireHttpsMetadata"] = "false",
    };

    public async Task StartAsync()
    {
        var port = FreePorts.Take(1)[0];
        Authority = new Uri($"http://127.0.0.1:{port}");
        var issuer = Authority.ToString().TrimEnd('/');
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{issuer}/authorize",
            ["token_endpoint"] = $"{issuer}/token",
            ["jwks_uri"] = $"{issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));

        app.MapGet("/jwks", () =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
                || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["redirect_uri"]))
            {
                return Results.BadRequest("invalid_request");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            grants[code] = new Grant(query["redirect_uri"]!, query["code_challenge"]!, query["nonce"].ToString(), new Dictionary<string, object>(NextUser));
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"].ToString())}");
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            CodesRedeemed++;
            var claims = new Dictionary<string, object>(grant.Claims) { ["nonce"] = grant.Nonce };
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = DateTime.UtcNow,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });

        await app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        key.Rsa.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Challenge, string Nonce, Dictionary<string, object> Claims);
}
