using EmergencyLink.Consoles.Live;
using EmergencyLink.Consoles.Map;
using EmergencyLink.Geo.Maps;
using EmergencyLink.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Consoles.Hosting;

public static class ConsoleSetup
{
    /// <summary>
    /// Blazor (interactive server rendering) for the consoles, their cookie sign-in and live events. Call after the
    /// API's authentication is set up: the default scheme stays the API's bearer scheme.
    /// </summary>
    /// <typeparam name="TScope">The host's scope rules (the API's), which every console applies.</typeparam>
    /// <param name="regionMap">The region the host was started on; the map layers are drawn from it once.</param>
    public static WebApplicationBuilder AddEmergencyLinkConsoles<TScope>(this WebApplicationBuilder builder, Func<IServiceProvider, RegionMap> regionMap)
        where TScope : class, IConsoleScope
    {
        builder.Services.AddSingleton<IConsoleScope, TScope>();
        builder.Services.AddOptions<ConsoleOptions>().Bind(builder.Configuration.GetSection(ConsoleOptions.Section));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConsoleEvents>();
        builder.Services.AddSingleton(sp => new RegionDrawing(regionMap(sp)));

        var oidc = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>()?.Oidc ?? new ConsoleOidcOptions();
        var authentication = builder.Services.AddAuthentication();
        authentication
            .AddCookie(ConsoleAuth.Scheme, cookie =>
            {
                cookie.LoginPath = ConsoleAuth.SignInPath;
                cookie.AccessDeniedPath = ConsoleAuth.SignInPath;
                cookie.Cookie.Name = "EmergencyLink.Console";
                cookie.Cookie.HttpOnly = true;
                // Strict: no other site can make a browser send it. Behind an external provider the browser arrives
                // from the provider's site, and a Strict cookie set there is withheld on the redirect that follows, so
                // that sign-in loops; Lax still withholds it from other sites' POSTs, which is what guards sign-out.
                cookie.Cookie.SameSite = oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
                cookie.SlidingExpiration = true;
            });
        if (oidc.Enabled)
        {
            ExternalSignIn.AddTo(authentication, oidc);
        }

        builder.Services.AddOptions<CookieAuthenticationOptions>(ConsoleAuth.Scheme)
            .Configure<IOptions<ConsoleOptions>>((cookie, options) => cookie.ExpireTimeSpan = options.Value.SignInLifetime);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.Signedin, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ConsoleAuth.Dispatch, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(Roles.Dispatcher, Roles.Admin))
            .AddPolicy(ConsoleAuth.Ed, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(Roles.Ed, Roles.Dispatcher, Roles.Admin))
            .AddPolicy(ConsoleAuth.Crew, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(Roles.Crew).RequireClaim(ClaimNames.Vehicle));
        return builder;
    }

    /// <summary>The console pages, their static assets and sign-out. Call after UseAuthentication/UseAuthorization.</summary>
    public static WebApplication MapEmergencyLinkConsoles(this WebApplication app)
    {
        app.UseAntiforgery();
        // Stylesheets and scripts carry no data; the sign-in page needs them before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(ConsoleAuth.Signedin);
        app.MapGet(ConsoleAuth.ExternalSignInPath, IResult (string? returnUrl, IOptions<ConsoleOptions> options) =>
        {
            if (!options.Value.Oidc.Enabled)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No external sign-in",
                    detail: "This server has no organisation provider configured (Consoles:Oidc).");
            }

            var landing = ConsoleLanding.IsLocalPage(returnUrl)
                ? $"{ConsoleAuth.LandingPath}?returnUrl={Uri.EscapeDataString(returnUrl!)}"
                : ConsoleAuth.LandingPath;
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = landing }, [ConsoleAuth.ExternalScheme]);
        }).AllowAnonymous();
        app.MapGet(ConsoleAuth.LandingPath, (string? returnUrl, HttpContext context) =>
            TypedResults.LocalRedirect(ConsoleLanding.For(context.User.FindFirst(ClaimNames.Role)?.Value, returnUrl)))
            .RequireAuthorization(ConsoleAuth.Signedin);
        app.MapPost(ConsoleAuth.SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.LocalRedirect(ConsoleAuth.SignInPath);
        }).RequireAuthorization(ConsoleAuth.Signedin).DisableAntiforgery();
        return app;
    }
}
