using System.Net.Http.Json;
using System.Text.Json;
using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;
using Microsoft.Playwright;

namespace EmergencyLink.Browser.Tests;

public sealed class CrewScreenTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [SkippableFact]
    public async Task The_crew_advances_the_case_to_transfer_of_care_and_clears_from_the_crew_screen_and_the_dispatcher_map_and_the_ED_board_follow_without_a_reload()
    {
        session.RequireBrowser();
        var (caseId, unitId) = await AssignedCaseAsync(0.010);
        var dispatch = await session.NewPageAsync();
        var crew = await session.NewPageAsync();
        await Screenshots.OnFailureAsync(crew, "crew-failure", session.Server, async () =>
        {
            await SignInAsync(dispatch, "dispatcher", null);
            await dispatch.Locator("[data-testid=dispatch-console][data-live=true]").WaitForAsync();
            await dispatch.EvaluateAsync("() => { window.sameDocument = 'yes'; }");
            await SignInAsync(crew, "crew", unitId);
            await crew.Locator($"[data-testid=crew-screen][data-live=true][data-case-id='{caseId}']").WaitForAsync();
            await crew.EvaluateAsync("() => { window.sameDocument = 'yes'; }");

            await StepAsync(crew, "EnRoute", "EnRoute");
            await UnitOnMapAsync(dispatch, unitId, "EnRoute");
            await StepAsync(crew, "ArriveScene", "OnScene");
            await UnitOnMapAsync(dispatch, unitId, "OnScene");

            // The ED that will receive the patient watches its board from now on.
            using var asCrew = session.Server.Client(session.Server.Token(Roles.Crew, vehicle: unitId));
            var ranked = await asCrew.GetFromJsonAsync<JsonElement>($"/api/incidents/{caseId}/destinations");
            var hospitalId = ranked.EnumerateArray().First(d => d.GetProperty("recommended").GetBoolean()).GetProperty("hospitalId").GetString()!;
            var ed = await session.NewPageAsync();
            await EdBoardTests.SignInAsEdAsync(ed, hospitalId);
            await ed.EvaluateAsync("() => { window.sameDocument = 'yes'; }");

            // Transport asks for the destination: the crew picks the top of the API's ranking, reasons shown.
            await crew.GetByTestId("step-Transport").ClickAsync();
            var top = crew.Locator("[data-destination].recommended").First;
            await top.GetByTestId("transport-to").WaitForAsync();
            Assert.Equal(hospitalId, await top.GetAttributeAsync("data-destination"));
            await top.GetByTestId("transport-to").ClickAsync();
            await crew.Locator("[data-testid=crew-screen][data-state=Transporting]").WaitForAsync();
            await UnitOnMapAsync(dispatch, unitId, "Transporting");

            // The board takes the patient in live, with a counted-down road ETA.
            var card = ed.Locator($".inbound[data-incident-id='{caseId}']");
            await card.Locator("[data-testid=eta]").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(@"ETA \d+:\d\d") }).WaitForAsync();
            Assert.Equal("Transporting", await card.GetAttributeAsync("data-state"));

            // The pre-alert, sent from the screen with a message, opens the handover loop with that ED; the crew taps
            // "At hospital" straight after, as a crew would, and the tap counts.
            await crew.GetByTestId("prealert-message").FillAsync("STEMI, pain 8/10");
            await crew.GetByTestId("send-prealert").ClickAsync();
            await crew.Locator($"[data-testid=loop][data-hospital-id='{hospitalId}'][data-loop-state=PreAlertSent]").WaitForAsync();
            await crew.GetByTestId("step-ArriveHospital").ClickAsync();
            await crew.Locator("[data-testid=crew-screen][data-state=AtHospital]").WaitForAsync();
            await UnitOnMapAsync(dispatch, unitId, "AtHospital");

            // The board has the pre-alert, its loop at the arrival, and shows the patient arrived; the ED records the transfer of care from its board.
            await card.Locator("[data-testid=prealert][data-loop-state=Arrived]").Filter(new LocatorFilterOptions { HasText = "STEMI, pain 8/10" }).WaitForAsync();
            await ed.Locator($".inbound[data-incident-id='{caseId}'][data-state=AtHospital]").GetByTestId("eta").Filter(new LocatorFilterOptions { HasText = "ETA arrived" }).WaitForAsync();
            await card.GetByTestId("open-patient").ClickAsync();
            await ed.GetByTestId("transfer-of-care").ClickAsync();
            await card.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

            // The crew screen follows the ED's transfer of care, and the crew confirms it.
            await crew.Locator("[data-testid=crew-screen][data-state=HandedOver]").WaitForAsync();
            await crew.GetByTestId("confirm-transfer").ClickAsync();
            await crew.Locator($"[data-testid=loop][data-loop-state=TransferAcknowledged]").WaitForAsync();

            // The handed-over case leaves the dispatcher's queue.
            await dispatch.Locator($".queue tr[data-incident-id='{caseId}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

            // Clear: the case closes, the unit is back in service on the map, and the screen waits for the next job.
            await StepAsync(crew, "Close", "Closed");
            await crew.GetByTestId("no-case").WaitForAsync();
            await UnitOnMapAsync(dispatch, unitId, "Available");

            // No page was reloaded.
            Assert.Equal("yes", await dispatch.EvaluateAsync<string>("() => window.sameDocument"));
            Assert.Equal("yes", await ed.EvaluateAsync<string>("() => window.sameDocument"));
            Assert.Equal("yes", await crew.EvaluateAsync<string>("() => window.sameDocument"));
        });
    }

    [SkippableFact]
    public async Task A_message_and_a_guidance_mark_from_the_ED_board_appear_on_the_crew_screen_on_the_same_frame_and_the_crews_reply_reaches_the_ED_board()
    {
        session.RequireBrowser();
        var (caseId, unitId) = await AssignedCaseAsync(-0.010);
        using var asCrew = session.Server.Client(session.Server.Token(Roles.Crew, vehicle: unitId));
        foreach (var trigger in new[] { "EnRoute", "ArriveScene" })
        {
            (await asCrew.PostAsJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger })).EnsureSuccessStatusCode();
        }

        var ranked = await asCrew.GetFromJsonAsync<JsonElement>($"/api/incidents/{caseId}/destinations");
        var hospitalId = ranked.EnumerateArray().First(d => d.GetProperty("recommended").GetBoolean()).GetProperty("hospitalId").GetString()!;
        (await asCrew.PostAsJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "Transport", hospitalId })).EnsureSuccessStatusCode();

        // The unit's ultrasound streams through the real vehicle gateway: real JPEG pictures, five a second.
        var outbox = Directory.CreateTempSubdirectory("emergencylink-guidance-");
        var gateway = new VehicleGateway(new VehicleGatewayOptions
        {
            ServerUrl = session.Server.BaseAddress,
            VehicleId = unitId,
            AccessTokenProvider = () => Task.FromResult<string?>(session.Server.Token(Roles.Crew, vehicle: unitId)),
            OutboxPath = Path.Combine(outbox.FullName, "outbox.db"),
        });
        using var stop = new CancellationTokenSource();
        Task? streaming = null;
        var crew = await session.NewPageAsync();
        var ed = await session.NewPageAsync();
        try
        {
            await gateway.StartAsync();
            streaming = StreamUltrasoundAsync(gateway, caseId, stop.Token);
            await Screenshots.OnFailureAsync(crew, "crew-talk-failure", session.Server, async () =>
            {
                await SignInAsync(crew, "crew", unitId);
                await crew.Locator($"[data-testid=crew-screen][data-live=true][data-state=Transporting]").WaitForAsync();
                await EdBoardTests.SignInAsEdAsync(ed, hospitalId);
                await ed.Locator($".inbound[data-incident-id='{caseId}']").GetByTestId("open-patient").ClickAsync();

                // Both screens show the picture itself: the browser decoded it.
                await ed.WaitForFunctionAsync("() => document.querySelector('[data-testid=ed-frame] img')?.naturalWidth === 320");
                await crew.WaitForFunctionAsync("() => document.querySelector('[data-testid=crew-live-frame] img')?.naturalWidth === 320");

                // The ED writes from its board: a quick reply with a note, and a plain quick reply.
                await ed.GetByTestId("ed-resus-room").FillAsync("2");
                await ed.GetByTestId("ed-message-text").FillAsync("cath lab on standby");
                await ed.GetByTestId("ed-quick-GoToResus").ClickAsync();
                await crew.GetByTestId("message").Filter(new LocatorFilterOptions { HasText = "Go to resus 2: cath lab on standby" }).WaitForAsync();
                await ed.GetByTestId("ed-quick-CathLabActivated").ClickAsync();
                await crew.GetByTestId("message").Filter(new LocatorFilterOptions { HasText = "Cath lab activated" }).WaitForAsync();

                // The ED taps the live picture with words for the crew: the board holds that frame, and the crew screen shows
                // the mark on the same picture (the same image bytes) at the same place, within a second.
                await ed.GetByTestId("mark-text").FillAsync("needle here");
                var edFrame = ed.GetByTestId("ed-frame");
                var view = edFrame.Locator(".frame-view");
                var box = (await view.BoundingBoxAsync())!;
                await view.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.30f, Y = box.Height * 0.40f } });
                var point = edFrame.Locator("[data-testid=guidance-mark][data-shape=Point]");
                await point.WaitForAsync();
                var sequence = (await edFrame.GetAttributeAsync("data-sequence"))!;
                var markId = (await point.GetAttributeAsync("data-mark-id"))!;
                var crewFrame = crew.Locator($"[data-testid=guidance-frame][data-channel=ultrasound][data-sequence='{sequence}']");
                await crewFrame.Locator($"[data-testid=guidance-mark][data-mark-id='{markId}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });
                Assert.Equal("shown", await crewFrame.GetAttributeAsync("data-image"));
                Assert.Equal(await edFrame.Locator("img").GetAttributeAsync("src"), await crewFrame.Locator("img").GetAttributeAsync("src"));
                var crewMark = crewFrame.Locator($"[data-mark-id='{markId}']");
                Assert.InRange(Number(await crewMark.GetAttributeAsync("data-x")), 0.28, 0.32);
                Assert.InRange(Number(await crewMark.GetAttributeAsync("data-y")), 0.38, 0.42);
                Assert.Contains("needle here", await crewMark.TextContentAsync(), StringComparison.Ordinal);

                // An arrow drawn by dragging lands on the same held frame.
                await ed.GetByTestId("tool-Arrow").ClickAsync();
                await edFrame.Locator(".frame-view[data-tool=Arrow]").WaitForAsync();
                box = (await view.BoundingBoxAsync())!; // the held frame's tools may have moved it
                await ed.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height * 0.5f));
                await ed.Mouse.DownAsync();
                await ed.Mouse.MoveAsync(box.X + (box.Width * 0.6f), box.Y + (box.Height * 0.55f), new MouseMoveOptions { Steps = 5 });
                await ed.Mouse.MoveAsync(box.X + (box.Width * 0.7f), box.Y + (box.Height * 0.6f), new MouseMoveOptions { Steps = 5 });
                await ed.Mouse.UpAsync();
                await edFrame.Locator("[data-testid=guidance-mark][data-shape=Arrow]").WaitForAsync();
                Assert.Equal(sequence, await edFrame.GetAttributeAsync("data-sequence"));
                await crewFrame.Locator("[data-testid=guidance-mark][data-shape=Arrow]").WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });

                // The crew's reply reaches the ED's board.
                await crew.GetByTestId("message-text").FillAsync("copy, resus 2, ETA 6 minutes");
                await crew.GetByTestId("send-message").ClickAsync();
                await ed.GetByTestId("ed-messages").Locator("[data-testid=message][data-side=Crew]").Filter(new LocatorFilterOptions { HasText = "copy, resus 2, ETA 6 minutes" }).WaitForAsync();
                await Screenshots.TakeAsync(ed, "ed-guidance");

                // A quick entry refused by the documentation rules shows its problem by field and records nothing.
                await crew.GetByTestId("entry-kind").SelectOptionAsync("MedicationGiven");
                await crew.GetByTestId("entry-dose").WaitForAsync();
                await crew.GetByTestId("entry-text").FillAsync("aspirin");
                await crew.GetByTestId("record-entry").ClickAsync();
                await crew.GetByTestId("field-error").Filter(new LocatorFilterOptions { HasText = "dose" }).First.WaitForAsync();
                await crew.GetByTestId("entry-dose").FillAsync("300");
                await crew.GetByTestId("entry-unit").FillAsync("mg");
                await crew.GetByTestId("entry-route").FillAsync("PO");
                await crew.GetByTestId("record-entry").ClickAsync();
                await crew.Locator("[data-testid=documentation] li[data-kind=MedicationGiven]").Filter(new LocatorFilterOptions { HasText = "aspirin 300 mg PO" }).WaitForAsync();

                // A scale out of range is refused by the scale's own rule, by field; in range, it is recorded as an assessment.
                await crew.GetByTestId("gcs-eye").FillAsync("5");
                await crew.GetByTestId("gcs-verbal").FillAsync("4");
                await crew.GetByTestId("gcs-motor").FillAsync("6");
                await crew.GetByTestId("record-gcs").ClickAsync();
                await crew.GetByTestId("field-error").Filter(new LocatorFilterOptions { HasText = "GCS eye opening is scored 1–4" }).WaitForAsync();
                await crew.GetByTestId("gcs-eye").FillAsync("3");
                await crew.GetByTestId("record-gcs").ClickAsync();
                await crew.Locator("[data-testid=documentation] li[data-kind=Assessment]").Filter(new LocatorFilterOptions { HasText = "GCS" }).WaitForAsync();

                // The pre-alert, sent from the screen with a message, opens the handover loop with that ED.
                await crew.GetByTestId("prealert-message").FillAsync("STEMI, pain 8/10, aspirin given");
                await crew.GetByTestId("send-prealert").ClickAsync();
                await crew.Locator($"[data-testid=loop][data-hospital-id='{hospitalId}'][data-loop-state=PreAlertSent]").WaitForAsync();

                await Screenshots.TakeAsync(crew, "crew");
            });
        }
        finally
        {
            await stop.CancelAsync();
            if (streaming is not null)
            {
                await streaming.ContinueWith(t => t.Exception, TaskScheduler.Default);
            }

            await gateway.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                outbox.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static double Number(string? text) => double.Parse(text!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Five frames a second of the synthetic ultrasound on its own channel, as a unit's probe would send them.</summary>
    private static async Task StreamUltrasoundAsync(VehicleGateway gateway, string caseId, CancellationToken stop)
    {
        var video = new SyntheticVideo(200, 5, new Random(5));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await timer.WaitForNextTickAsync(stop))
        {
            var captured = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
            await gateway.EnqueueAsync(caseId, "ultrasound", TelemetryKind.Video, captured, TelemetryCodec.EncodeVideo(video.Next()));
        }
    }

    private static async Task StepAsync(IPage crew, string trigger, string state)
    {
        await crew.GetByTestId($"step-{trigger}").ClickAsync();
        await crew.Locator($"[data-testid=crew-screen][data-state={state}]").WaitForAsync();
    }

    private static Task UnitOnMapAsync(IPage dispatch, string unitId, string status) =>
        dispatch.Locator($"svg.region-map .unit[data-unit-id='{unitId}'][data-status={status}]").WaitForAsync();

    private static async Task SignInAsync(IPage page, string role, string? vehicle)
    {
        await page.GotoAsync("/signin");
        await page.GetByTestId("role").SelectOptionAsync(role);
        if (vehicle is not null)
        {
            await page.GetByTestId("vehicle").SelectOptionAsync(vehicle);
        }

        await page.GetByTestId("name").FillAsync(role == "crew" ? "medic Ray" : "Dana Dispatcher");
        await page.GetByTestId("signin").ClickAsync();
        await page.WaitForURLAsync(role == "crew" ? "**/crew" : "**/dispatch");
    }

    /// <summary>A priority-1 call near the first hospital, triaged and assigned to the best free unit, through the API.</summary>
    private async Task<(string CaseId, string UnitId)> AssignedCaseAsync(double offset)
    {
        using var dispatcher = session.Server.Dispatcher();
        var hospitals = await dispatcher.GetFromJsonAsync<JsonElement>("/api/hospitals");
        var location = hospitals.EnumerateArray().First().GetProperty("location");
        var created = await dispatcher.PostAsJsonAsync("/api/incidents", new
        {
            location = new { lat = location.GetProperty("lat").GetDouble() + offset, lon = location.GetProperty("lon").GetDouble() + offset },
            complaint = "Chest pain, 64-year-old man, sweating",
            priority = 1,
        });
        created.EnsureSuccessStatusCode();
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await dispatcher.PostAsJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "Triage", priority = 1 })).EnsureSuccessStatusCode();
        var ranked = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/incidents/{caseId}/recommendations");
        var unitId = ranked.EnumerateArray().First().GetProperty("ambulanceId").GetString()!;
        (await dispatcher.PostAsJsonAsync($"/api/incidents/{caseId}/assign", new { ambulanceId = unitId })).EnsureSuccessStatusCode();
        return (caseId, unitId);
    }
}
