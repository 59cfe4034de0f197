using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace EmergencyLink.Browser.Tests;

public sealed class DispatcherConsoleTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [SkippableFact]
    public async Task The_dispatcher_signs_in_creates_an_incident_by_clicking_the_map_sees_the_recommendation_assigns_and_the_units_status_changes_on_the_map_without_a_reload()
    {
        session.RequireBrowser();
        var page = await session.NewPageAsync();
        await Screenshots.OnFailureAsync(page, "dispatch-failure", session.Server, async () =>
        {
            // The host's root sends a newcomer to sign in, and a dispatcher lands on the dispatcher console.
            await page.GotoAsync("/");
            await page.WaitForURLAsync("**/signin**");
            await page.GetByTestId("role").SelectOptionAsync("dispatcher");
            await page.GetByTestId("name").FillAsync("Dana Dispatcher");
            await page.GetByTestId("signin").ClickAsync();
            await page.WaitForURLAsync("**/dispatch");
            // data-live turns true once the circuit is up and the map's script is attached: clicks now reach the server.
            await page.Locator("[data-testid=dispatch-console][data-live=true]").WaitForAsync();
            Assert.True(await page.Locator("svg.region-map .unit[data-status=Available]").CountAsync() > 0);

            // Anything the page keeps in window survives only if the page is never reloaded.
            await page.EvaluateAsync("() => { window.sameDocument = 'yes'; }");

            var map = page.GetByTestId("region-map");
            var box = (await map.BoundingBoxAsync())!;
            await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width / 2, Y = box.Height / 2 } });
            await page.GetByTestId("picked-location").WaitForAsync();
            Assert.NotEqual("", await page.GetByTestId("new-lat").InputValueAsync());

            await page.GetByTestId("new-complaint").FillAsync("Chest pain, 64-year-old man, sweating");
            await page.GetByTestId("new-priority").SelectOptionAsync("1");
            await page.GetByTestId("create-incident").ClickAsync();

            var best = page.Locator("[data-recommended-unit]").First;
            await best.WaitForAsync();
            var unitId = await best.GetAttributeAsync("data-recommended-unit");
            Assert.False(string.IsNullOrEmpty(unitId));
            var queued = page.Locator(".queue tr[data-incident-id]");
            Assert.Equal(1, await queued.CountAsync());

            await best.GetByTestId("assign").ClickAsync();

            // The unit's marker on the map takes its new status from the live feed.
            await page.Locator($"svg.region-map .unit[data-unit-id='{unitId}'][data-status=Dispatched]").WaitForAsync();
            await page.Locator(".queue tr[data-state=Dispatched]").WaitForAsync();
            await page.Locator($"svg.region-map line.assignment[data-unit-id='{unitId}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await page.GetByTestId("assigned").WaitForAsync();
            Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.sameDocument"));
            // The unit taken off the road list changes the coverage figure, measured by the host and pushed in too.
            await page.GetByTestId("coverage").Filter(new LocatorFilterOptions { HasText = "% within" }).WaitForAsync();

            await Screenshots.TakeAsync(page, "dispatch");
        });
    }

    [SkippableFact]
    public async Task The_console_sign_in_cookie_does_not_open_the_api()
    {
        session.RequireBrowser();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByTestId("role").SelectOptionAsync("dispatcher");
        await page.GetByTestId("signin").ClickAsync();
        await page.WaitForURLAsync("**/dispatch");

        // The API, FHIR and hubs stay bearer-only: a console's cookie is not a token.
        var api = await page.APIRequest.GetAsync("/api/incidents");
        Assert.Equal(401, api.Status);
        var hub = await page.APIRequest.PostAsync("/hubs/dispatch/negotiate?negotiateVersion=1");
        Assert.Equal(401, hub.Status);
    }

    [SkippableFact]
    public async Task An_ED_user_lands_on_the_ED_board_is_not_let_into_the_dispatcher_console_and_signing_out_closes_the_board()
    {
        session.RequireBrowser();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByTestId("role").SelectOptionAsync("ed");
        await page.GetByTestId("hospital").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("signin").ClickAsync();
        await page.WaitForURLAsync("**/ed");
        await page.GetByTestId("ed-board").WaitForAsync();

        await page.GotoAsync("/dispatch");
        await page.WaitForURLAsync("**/signin**");
        Assert.Equal(0, await page.GetByTestId("dispatch-console").CountAsync());

        // Signing out ends the console session: the board sends the browser back to sign in.
        await page.GotoAsync("/ed");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("/ed");
        await page.WaitForURLAsync("**/signin?ReturnUrl=%2Fed");
    }

    [SkippableFact]
    public async Task A_unit_reporting_its_position_moves_on_the_map_and_the_map_zooms_and_comes_back_to_the_whole_region()
    {
        session.RequireBrowser();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByTestId("role").SelectOptionAsync("dispatcher");
        await page.GetByTestId("signin").ClickAsync();
        await page.Locator("[data-testid=dispatch-console][data-live=true]").WaitForAsync();

        // The crew's position report goes through the API, the unit's grain and the live feed to the marker.
        var marker = page.Locator("svg.region-map .unit").First;
        var unitId = (await marker.GetAttributeAsync("data-unit-id"))!;
        var before = await marker.GetAttributeAsync("style");
        using var dispatcher = session.Server.Dispatcher();
        var unit = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/ambulances/{unitId}");
        var location = unit.GetProperty("location");
        using var crew = session.Server.Client(session.Server.Token("crew", vehicle: unitId));
        var moved = await crew.PutAsJsonAsync($"/api/ambulances/{unitId}/position", new
        {
            lat = location.GetProperty("lat").GetDouble() + 0.004,
            lon = location.GetProperty("lon").GetDouble() + 0.004,
        });
        moved.EnsureSuccessStatusCode();
        await page.WaitForFunctionAsync(
            "([id, before]) => document.querySelector(`svg.region-map .unit[data-unit-id='${id}']`).getAttribute('style') !== before",
            new object?[] { unitId, before });

        // The wheel zooms in around the pointer; the button brings back the whole region.
        var map = page.GetByTestId("region-map");
        var whole = await map.GetAttributeAsync("viewBox");
        await map.HoverAsync();
        await page.Mouse.WheelAsync(0, -400);
        await page.WaitForFunctionAsync("(whole) => document.querySelector('svg.region-map').getAttribute('viewBox') !== whole", whole);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Whole region" }).ClickAsync();
        await page.WaitForFunctionAsync("(whole) => document.querySelector('svg.region-map').getAttribute('viewBox') === whole", whole);
    }
}
