using System.Net;
using EmergencyLink.Consoles.Hosting;
using EmergencyLink.Security;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// Production's console sign-in: the organisation's OpenID Connect provider (here <see cref="TestOpenIdProvider"/>) says
/// who the person is and what they may do, and role picking is off, as it is in production.
/// </summary>
public sealed class ConsoleProviderSignInTests(ConsoleProviderSignInTests.Fixture fixture) : IClassFixture<ConsoleProviderSignInTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestOpenIdProvider Provider { get; } = new();

        public ServerProcess Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Provider.StartAsync();
            var settings = Provider.ConsoleSettings();
            settings["Consoles__PickRoleSignIn"] = "false";
            Server = new ServerProcess(environment: settings);
            await Server.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }

    private readonly ServerProcess server = fixture.Server;
    private readonly TestOpenIdProvider provider = fixture.Provider;

    /// <summary>A browser: it keeps cookies for both hosts and follows every redirect, as the flow needs.</summary>
    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task The_sign_in_page_offers_the_organisations_provider_and_no_role_picking()
    {
        using var browser = Browser();
        var page = await browser.GetStringAsync("/signin");

        Assert.Contains("data-testid=\"signin-external\"", page);
        Assert.DoesNotContain("data-testid=\"role\"", page);
    }

    [Fact]
    public async Task An_ed_user_the_provider_signs_in_lands_on_the_board_of_their_own_hospital()
    {
        provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "u-1042", ["name"] = "Dr Ada Ward", ["role"] = Roles.Ed, ["hospital"] = "H2",
        };
        using var browser = Browser();

        // What a click on the ED board does for someone not signed in: the sign-in page, then the provider, then back.
        var board = await browser.GetAsync($"{ConsoleAuth.ExternalSignInPath}?returnUrl=%2Fed");

        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal("/ed", board.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("data-hospital-id=\"H2\"", await board.Content.ReadAsStringAsync());

        // Signed in for good: the next page needs no provider round trip, and the scope still holds.
        var redeemed = provider.CodesRedeemed;
        var again = await browser.GetAsync("/ed");
        Assert.Equal("/ed", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(redeemed, provider.CodesRedeemed);
        var dispatch = await browser.GetAsync("/dispatch");
        Assert.NotEqual("/dispatch", dispatch.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_dispatcher_the_provider_signs_in_from_the_hosts_root_lands_on_the_dispatcher_console()
    {
        provider.NextUser = new Dictionary<string, object> { ["sub"] = "u-7", ["name"] = "Sam Reyes", ["role"] = Roles.Dispatcher };
        using var browser = Browser();

        var landed = await browser.GetAsync($"{ConsoleAuth.ExternalSignInPath}?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/dispatch", landed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("nurse", null, null, ExternalSignIn.NoRole)]
    [InlineData(Roles.Crew, null, null, ExternalSignIn.NoScope)]
    [InlineData(Roles.Ed, "H-nowhere", null, ExternalSignIn.UnknownScope)]
    public async Task A_provider_account_that_does_not_say_what_its_holder_may_do_is_refused_and_stays_signed_out(
        string role, string? hospital, string? vehicle, string refusal)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "u-99", ["name"] = "Someone", ["role"] = role };
        if (hospital is not null)
        {
            claims["hospital"] = hospital;
        }

        if (vehicle is not null)
        {
            claims["vehicle"] = vehicle;
        }

        provider.NextUser = claims;
        using var browser = Browser();

        var answer = await browser.GetAsync($"{ConsoleAuth.ExternalSignInPath}?returnUrl=%2Fdispatch");

        Assert.Equal("/signin", answer.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"error={refusal}", answer.RequestMessage.RequestUri.Query);
        Assert.Contains(ExternalSignIn.Describe(refusal), WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
        var after = await browser.GetAsync("/dispatch");
        Assert.Equal("/signin", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_provider_account_holding_two_of_our_roles_is_refused()
    {
        provider.NextUser = new Dictionary<string, object>
        {
            ["sub"] = "u-5", ["name"] = "Two Hats", ["role"] = new[] { Roles.Dispatcher, Roles.Admin },
        };
        using var browser = Browser();

        var answer = await browser.GetAsync(ConsoleAuth.ExternalSignInPath);

        Assert.Equal("/signin", answer.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"error={ExternalSignIn.SeveralRoles}", answer.RequestMessage.RequestUri.Query);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_not_followed_after_sign_in()
    {
        provider.NextUser = new Dictionary<string, object> { ["sub"] = "u-8", ["name"] = "Pat Lee", ["role"] = Roles.Dispatcher };
        using var browser = Browser();

        var landed = await browser.GetAsync($"{ConsoleAuth.ExternalSignInPath}?returnUrl={Uri.EscapeDataString("//evil.example/x")}");

        Assert.Equal(server.BaseAddress.Authority, landed.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/dispatch", landed.RequestMessage.RequestUri.AbsolutePath);
    }
}
