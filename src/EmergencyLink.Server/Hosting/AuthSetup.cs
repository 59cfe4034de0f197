using EmergencyLink.Security;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Fhir;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyLink.Server.Hosting;

public static class AuthSetup
{
    /// <summary>JWT bearer on everything; only /healthz opts out.</summary>
    public static WebApplicationBuilder AddEmergencyLinkAuth(this WebApplicationBuilder builder, string storagePath)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
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
                    jwt.TokenValidationParameters.IssuerSigningKey = SigningKey(builder, auth, storagePath);
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

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Dispatch, p => p.RequireRole(Roles.Dispatcher, Roles.Admin))
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

        return SigningKeyStore.GetOrCreate(SigningKeyStore.KeyPathFor(storagePath));
    }
}
