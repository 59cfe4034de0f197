using System.Net;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.EndToEnd.Tests;
using EmergencyLink.Security;
using EmergencyLink.VehicleLink;
using Microsoft.Playwright;

namespace EmergencyLink.Browser.Tests;

public sealed class EdBoardTests(BrowserSession session) : IClassFixture<BrowserSession>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-edboard-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [SkippableFact]
    public async Task An_ED_user_sees_the_patient_inbound_with_an_ETA_gets_the_pre_alert_live_vitals_and_a_drawing_ECG_and_acknowledges_it_and_another_hospitals_ED_does_not_see_the_patient()
    {
        session.RequireBrowser();
        var server = session.Server;
        using var admin = server.Client(server.Token(Roles.Admin));
        var hospitals = (await admin.GetJsonAsync("/api/hospitals")).Expect(HttpStatusCode.OK).EnumerateArray().Select(h => h.Str("id")).ToArray();
        // TransportingCase sends the patient to the first hospital the API lists.
        var (receiving, other) = (hospitals[0], hospitals[1]);

        var page = await session.NewPageAsync();
        await Screenshots.OnFailureAsync(page, "ed-board-failure", server, async () =>
        {
            await SignInAsEdAsync(page, receiving);

            // The case reaches Transporting through the API; the board takes it in live, without a reload.
            var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
            Assert.Equal(receiving, hospital);
            var card = page.Locator($".inbound[data-incident-id='{caseId}']");
            await card.WaitForAsync();
            await card.GetByTestId("eta").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(@"ETA \d+:\d\d") }).WaitForAsync();

            using var crew = server.Client(server.Token(Roles.Crew, vehicle: unit));
            (await crew.PostJsonAsync($"/api/incidents/{caseId}/prealert", new { message = "STEMI query, 64M, ETA 10" })).Expect(HttpStatusCode.OK);
            await card.Locator("[data-testid=prealert][data-loop-state=PreAlertSent]").WaitForAsync();

            // The waiting pre-alert sounds the board's alarm (Web Audio); muting silences it until something new waits.
            await page.Locator("[data-testid=alarm][data-alarm=sounding]").WaitForAsync();
            await page.WaitForFunctionAsync("() => window.edAlarm?.mode === 'sounding' && window.edAlarm.played > 0");
            await page.GetByTestId("alarm-mute").ClickAsync();
            await page.Locator("[data-testid=alarm][data-alarm=muted]").WaitForAsync();
            await page.WaitForFunctionAsync("() => window.edAlarm.mode === 'muted'");

            var gateway = new VehicleGateway(new VehicleGatewayOptions
            {
                ServerUrl = server.BaseAddress,
                VehicleId = unit,
                AccessTokenProvider = () => Task.FromResult<string?>(server.Token(Roles.Crew, vehicle: unit)),
                OutboxPath = Path.Combine(folder, "outbox.db"),
            });
            Task? streaming = null;
            try
            {
                await gateway.StartAsync();
                var monitor = new LiveStream(gateway, caseId);
                streaming = monitor.RunAsync(TimeSpan.FromSeconds(40));
                await card.GetByTestId("open-patient").ClickAsync();
                await page.Locator($"[data-testid=patient][data-incident-id='{caseId}']").WaitForAsync();
                await page.GetByTestId("vital-hr").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^[4-9]\d$") }).WaitForAsync();
                await page.GetByTestId("news2").WaitForAsync();

                // The canvas is drawing: more samples arrive after the first picture, and the second picture differs.
                var canvas = page.GetByTestId("ecg-canvas");
                await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=ecg-canvas]').dataset.samples ?? 0) > 500");
                var first = await canvas.ScreenshotAsync();
                var samples = await canvas.GetAttributeAsync("data-samples");
                await page.WaitForFunctionAsync(
                    "(before) => Number(document.querySelector('[data-testid=ecg-canvas]').dataset.samples) > Number(before) + 250", samples);
                // Drawing follows the browser's next animation frame after the samples land.
                await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
                var second = await canvas.ScreenshotAsync();
                Assert.False(first.AsSpan().SequenceEqual(second), "The ECG canvas did not change between two screenshots.");

                await page.GetByTestId("patient-ack-prealert").ClickAsync();
                await card.Locator("[data-testid=prealert][data-loop-state=PreAlertAcknowledged]").WaitForAsync();
                await page.Locator("[data-testid=alarm][data-alarm=off]").WaitForAsync();
                await Screenshots.TakeAsync(page, "ed-board");

                // A clinician who opens the patient later starts from the archive's last seconds (the hub's late-joiner
                // replay), not from an empty trace: the first picture already holds seconds of ECG and of vitals.
                while (monitor.LastSequence(VehicleLinkProtocol.EcgChannel) < 200)
                {
                    await Task.Delay(200); // 8 s of ECG streamed, more than the 5 s asked of the backfill below
                }

                var later = await session.NewPageAsync();
                await SignInAsEdAsync(later, receiving);
                await later.Locator($".inbound[data-incident-id='{caseId}']").GetByTestId("open-patient").ClickAsync();
                await later.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=ecg-canvas]')?.dataset.samples ?? 0) > 0");
                var backfilled = int.Parse((await later.GetByTestId("ecg-canvas").GetAttributeAsync("data-samples"))!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(backfilled >= 2500, $"The later board's first ECG batch had {backfilled} samples, not the last seconds.");
                Assert.True(int.Parse((await later.GetByTestId("vitals").GetAttributeAsync("data-samples"))!, System.Globalization.CultureInfo.InvariantCulture) >= 5);
            }
            finally
            {
                await gateway.DisposeAsync();
                // The stream ends when its gateway goes; only its outcome is observed, the test already has its answer.
                if (streaming is not null)
                {
                    await streaming.ContinueWith(t => t.Exception, TaskScheduler.Default);
                }
            }

            // Another hospital's ED: its board is live and lists nothing of this patient.
            var stranger = await session.NewPageAsync();
            await SignInAsEdAsync(stranger, other);
            await stranger.GetByTestId("no-inbound").WaitForAsync();
            Assert.Equal(0, await stranger.Locator($"[data-incident-id='{caseId}']").CountAsync());
        });
    }

    [SkippableFact]
    public async Task The_crews_chief_complaint_and_alerts_with_evidence_reach_the_board_and_the_ED_acknowledges_an_alert_takes_over_care_after_arrival_and_sets_its_diversion()
    {
        session.RequireBrowser();
        var server = session.Server;
        var page = await session.NewPageAsync();
        await Screenshots.OnFailureAsync(page, "ed-board-handover-failure", server, async () =>
        {
            var (caseId, unit, hospital) = await TransportingCase.StartAsync(server);
            await SignInAsEdAsync(page, hospital);
            var card = page.Locator($".inbound[data-incident-id='{caseId}']");
            await card.WaitForAsync();

            // The crew's documented chief complaint replaces the dispatcher's words on the card.
            using var crew = server.Client(server.Token(Roles.Crew, vehicle: unit));
            (await crew.PostJsonAsync($"/api/incidents/{caseId}/documentation", new { kind = "ChiefComplaint", text = "slurred speech, right arm weak" }))
                .Expect(HttpStatusCode.Created);
            await card.GetByTestId("complaint").Filter(new LocatorFilterOptions { HasText = "slurred speech" }).WaitForAsync();

            // A stroke scale raises alerts; each shows its evidence and the ED acknowledges one from the board.
            (await crew.PostJsonAsync($"/api/incidents/{caseId}/assessments/stroke", new
            {
                beFast = new { balance = false, eyes = true, face = true, arm = true, speech = true, lastKnownWell = DateTimeOffset.UtcNow.AddHours(-1) },
                race = new { facialPalsy = 2, armMotor = 2, legMotor = 1, headAndGazeDeviation = 1, hemiparesis = "Right", aphasiaOrAgnosia = 2 },
            })).Expect(HttpStatusCode.OK);
            await card.Locator(".alert[data-alert-id] li").First.WaitForAsync();
            var alerts = await card.Locator(".alert[data-alert-id]").CountAsync();
            Assert.True(alerts >= 1);
            await card.Locator(".alert[data-alert-id]").First.GetByTestId("ack-alert").ClickAsync();
            await card.Locator(".alert.acked").WaitForAsync();
            Assert.Equal(alerts - 1, await card.GetByTestId("ack-alert").CountAsync());

            // Transfer of care waits for the arrival, which the crew records, not the ED.
            await card.GetByTestId("open-patient").ClickAsync();
            await page.Locator($"[data-testid=patient][data-incident-id='{caseId}']").WaitForAsync();
            Assert.Equal(0, await page.GetByTestId("transfer-of-care").CountAsync());
            (await crew.PostJsonAsync($"/api/incidents/{caseId}/transitions", new { trigger = "ArriveHospital" })).Expect(HttpStatusCode.OK);
            await page.Locator($".inbound[data-incident-id='{caseId}'][data-state=AtHospital]").WaitForAsync();
            Assert.Equal(0, await page.GetByTestId("arrived").CountAsync());
            await page.GetByTestId("transfer-of-care").ClickAsync();
            await card.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            using var admin = server.Client(server.Token(Roles.Admin));
            Assert.Equal("HandedOver", (await admin.GetJsonAsync($"/api/incidents/{caseId}")).Expect(HttpStatusCode.OK).Str("state"));

            // The hospital's own diversion, as PUT /api/hospitals/{id}/status sets it.
            await page.GetByTestId("toggle-diversion").ClickAsync();
            await page.GetByTestId("hospital-status").Filter(new LocatorFilterOptions { HasText = "ON DIVERSION" }).WaitForAsync();
            Assert.True((await admin.GetJsonAsync($"/api/hospitals/{hospital}")).Expect(HttpStatusCode.OK).GetProperty("diversion").GetBoolean());
            await page.GetByTestId("toggle-diversion").ClickAsync();
            await page.GetByTestId("hospital-status").Filter(new LocatorFilterOptions { HasText = "accepting" }).WaitForAsync();
        });
    }

    [SkippableFact]
    public async Task A_dispatcher_picks_which_hospitals_board_to_watch_but_does_not_answer_for_its_ED()
    {
        session.RequireBrowser();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByTestId("role").SelectOptionAsync("dispatcher");
        await page.GetByTestId("signin").ClickAsync();
        await page.WaitForURLAsync("**/dispatch");
        await page.GotoAsync("/ed");
        await page.Locator("[data-testid=ed-board][data-live=true]").WaitForAsync();
        var options = await page.GetByTestId("pick-hospital").Locator("option").AllAsync();
        var second = (await options[1].GetAttributeAsync("value"))!;

        await page.GetByTestId("pick-hospital").SelectOptionAsync(second);

        await page.Locator($"[data-testid=ed-board][data-hospital-id='{second}']").WaitForAsync();
        await page.GetByTestId("hospital-status").WaitForAsync();
        // Diversion and beds are the ED's own word (PUT /api/hospitals/{id}/status refuses dispatchers too).
        Assert.Equal(0, await page.GetByTestId("toggle-diversion").CountAsync());
    }

    internal static async Task SignInAsEdAsync(IPage page, string hospitalId)
    {
        await page.GotoAsync("/signin");
        await page.GetByTestId("role").SelectOptionAsync("ed");
        await page.GetByTestId("hospital").SelectOptionAsync(hospitalId);
        await page.GetByTestId("signin").ClickAsync();
        await page.WaitForURLAsync("**/ed");
        // data-live turns true once the circuit is up: what the board shows now comes from the server.
        await page.Locator($"[data-testid=ed-board][data-live=true][data-hospital-id='{hospitalId}']").WaitForAsync();
    }
}
