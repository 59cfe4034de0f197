using System.Security.Cryptography;
using EmergencyLink.Security;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Fhir;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.IdentityModel.Tokens;
using EmergencyLink.Storage.PostgreSql;
using Npgsql;

namespace EmergencyLink.Server.Hosting;

public static class AuthSetup
{
    /// <summary>The development signing key's name in the cluster database (<c>cluster_secrets</c>).</summary>
    public const string ClusterSigningKeyName = SigningKeyStore.ClusterSecretName;

    /// <summary>JWT bearer on everything; only /healthz and /readyz opt out.</summary>
    public static WebApplicationBuilder AddEmergencyLinkAuth(this WebApplicationBuilder builder, string storagePath)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        // Resolved at start, not at the first request: a missing production key or an unreachable cluster database
        // stops the node before it serves, and every node of a cluster holds the shared key before it is ready.
        var signingKey = string.IsNullOrWhiteSpace(auth.Authority) ? SigningKey(builder, auth, storagePath) : null;
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (!string.IsNullOrWhiteSpace(auth.Authority))
                {
                    jwt.Authority = auth.Authority;
                }
                else
                {
                    jwt.TokenValidationParameters.IssuerSigningKey = signingKey;
                }

                // Browsers cannot set headers on WebSockets; SignalR sends the token in the query string instead.
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },

                    // A FHIR client reads errors as OperationOutcomes, the missing token included.
                    OnChallenge = async context =>
                    {
                        if (context.Request.Path.StartsWithSegments(FhirEndpoints.Path))
                        {
                            context.HandleResponse();
                            context.Response.Headers.WWWAuthenticate = "Bearer";
                            await Outcomes.Error(StatusCodes.Status401Unauthorized, Hl7.Fhir.Model.OperationOutcome.IssueType.Login,
                                "A bearer token is required: role ed (the cases sent to its hospital) or admin.").ExecuteAsync(context.HttpContext);
                        }
                    },
                };
            });

        if (builder.StorageSettings().Provider == StorageProvider.PostgreSql)
        {
            // Every node must read the cookies the others wrote: one key ring in the shared database, and one
            // application name (by default it is the content root, which may differ from machine to machine).
            builder.Services.AddDataProtection().SetApplicationName("EmergencyLink");
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<NpgsqlDataSource>((o, dataSource) => o.XmlRepository = new PostgreSqlXmlRepository(dataSource));
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Dispatch, p => p.RequireRole(Roles.Dispatcher, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.HospitalFeed, p => p.RequireRole(Roles.Ed, Roles.Dispatcher, Roles.Admin))
            .AddPolicy(Policies.VehicleLink, p => p.RequireRole(Roles.Crew).RequireClaim(ClaimNames.Vehicle))
            .AddPolicy(Policies.CrewFeed, p => p.RequireRole(Roles.Crew).RequireClaim(ClaimNames.Vehicle));
        return builder;
    }

    private static SecurityKey SigningKey(WebApplicationBuilder builder, AuthOptions auth, string storagePath)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            return SigningKeyStore.FromBase64(auth.SigningKey);
        }

        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Production needs Auth:Authority or Auth:SigningKey; a development key is never made in production.");
        }

        var storage = builder.StorageSettings();
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            // A cluster's nodes must accept each other's tokens: the development key is made once, in the database.
            using var dataSource = NpgsqlDataSource.Create(StorageSetup.PostgreSqlConnectionString(storage));
            var stored = new PostgreSqlSecretStore(dataSource)
                .GetOrCreateAsync(ClusterSigningKeyName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
                .GetAwaiter().GetResult();
            return SigningKeyStore.FromBase64(stored);
        }

        return SigningKeyStore.GetOrCreate(SigningKeyStore.KeyPathFor(storagePath));
    }
}
