using EmergencyLink.EndToEnd.Tests;

namespace EmergencyLink.Browser.Tests;

/// <summary>Picking one's own role is for development and demos; a host that turns it off offers no such form.</summary>
public sealed class RoleSignInSwitchTests
{
    [Fact]
    public async Task With_pick_role_sign_in_off_the_sign_in_page_offers_no_role_to_pick_and_says_no_provider_is_configured()
    {
        await using var server = new ServerProcess(environment: new Dictionary<string, string>
        {
            ["Consoles__PickRoleSignIn"] = "false",
            ["Demo__Enabled"] = "false",
        });
        await server.StartAsync();
        using var http = server.Client(token: null);

        var page = await http.GetStringAsync("/signin");

        Assert.Contains("No sign-in is configured", page, StringComparison.Ordinal);
        Assert.Contains("Consoles:Oidc", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Role\"", page, StringComparison.Ordinal);
        // Nor does the console let anyone in without signing in.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var console = await noRedirects.GetAsync("/dispatch");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("/signin", console.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
