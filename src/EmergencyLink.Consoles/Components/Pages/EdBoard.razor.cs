using System.Globalization;
using System.Security.Claims;
using EmergencyLink.Consoles.Ed;
using EmergencyLink.Consoles.Live;
using EmergencyLink.Consoles.Map;
using EmergencyLink.Consoles.Video;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace EmergencyLink.Consoles.Components.Pages;

/// <summary>
/// The ED receiving board of one hospital. Like the dispatcher console it calls the grains the API calls, applies the
/// API's scope rules, and hears committed changes and the live telemetry through <see cref="ConsoleEvents"/>.
/// </summary>
public sealed partial class EdBoard
{
    /// <summary>ECG frames arrive 25 times a second; the canvas gets them in batches this often, not one interop call each.</summary>
    private static readonly TimeSpan EcgBatchInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A road route per inbound unit is cheap, but not every second: the countdown runs between measurements.</summary>
    private static readonly TimeSpan EtaInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, IncidentSnapshot> inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AmbulanceSnapshot> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoadEta> etas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VitalsTrend> vitals = new(StringComparer.Ordinal);
    private readonly List<EcgBlock> pendingEcg = [];

    /// <summary>Per inbound case, the first vitals sequence heard live: the backfill adds only readings from before it.</summary>
    private readonly Dictionary<string, long> firstLiveVitals = new(StringComparer.Ordinal);

    /// <summary>The first live ECG sequence queued for the open patient: the archive's backfill stops before it. Under ecgGate.</summary>
    private long? firstLiveEcg;

    /// <summary>
    /// True from opening a patient until its backfill is queued: the handler renders (and the canvas attaches) at its
    /// first await, and a flush before the backfill would draw live ECG ahead of the older seconds. Under ecgGate.
    /// </summary>
    private bool awaitingBackfill;
    private readonly Lock ecgGate = new();

    // Read on the telemetry's thread to drop other cases' frames at once; replaced whole on the renderer's, never mutated.
    private volatile IReadOnlySet<string> inboundIds = new HashSet<string>(StringComparer.Ordinal);
    private ElementReference ecgCanvas;
    private IJSObjectReference? module;
    private IJSObjectReference? ecgHandle;
    private IDisposable? subscription;
    private ITimer? clock;
    private ITimer? ecgTimer;
    private DateTimeOffset lastEta = DateTimeOffset.MinValue;
    private ClaimsPrincipal? user;
    private HospitalSnapshot? hospital;
    private string? hospitalId;
    private string? openId;
    private string? problem;
    private bool busy;
    private bool live;
    private bool ecgAttached;
    private int ecgFramesSeen;
    private int bedsDraft;

    // The open patient's video, messages and guidance marks; cleared when another patient is opened.
    private readonly FrameStore frames = new();
    private readonly Dictionary<string, CaseMessage> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GuidanceMark> marks = new(StringComparer.Ordinal);
    private static readonly GuidanceShape[] GuidanceTools = [GuidanceShape.Point, GuidanceShape.Line, GuidanceShape.Arrow];
    private ElementReference videoPanel;
    private IJSObjectReference? guidanceModule;
    private IJSObjectReference? alarmModule;
    private string alarmPlaying = "off";

    /// <summary>What was waiting when the clinician muted: a new pre-alert or alert sounds again.</summary>
    private HashSet<string>? mutedFor;
    private IJSObjectReference? guidanceHandle;
    private DotNetObjectReference<EdBoard>? self;

    /// <summary>The frame the clinician is guiding on, held still; null while the picture is live.</summary>
    private HeldFrame? held;
    private GuidanceShape tool = GuidanceShape.Point;
    private string? markText;
    private string? messageText;
    private string? resusRoom = "1";
    private string? divertTo;
    private IDisposable? viewing;

    [Inject]
    private IGrainFactory Grains { get; set; } = null!;

    [Inject]
    private ConsoleEvents Events { get; set; } = null!;

    [Inject]
    private RegionDrawing Region { get; set; } = null!;

    [Inject]
    private RoadGraph Roads { get; set; } = null!;

    [Inject]
    private IConsoleScope Scope { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ILogger<EdBoard> Logger { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private ICaseReplay Replay { get; set; } = null!;

    [Inject]
    private ICaseViewing Viewing { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    /// <summary>An ED user's own hospital (from the sign-in's hospital claim); null for dispatch staff, who pick one.</summary>
    private string? OwnHospital => user?.IsInRole(Roles.Ed) == true ? user.FindFirstValue(ClaimNames.Hospital) : null;

    private IEnumerable<MapSite> Watchable => Region.Hospitals.Where(h => user is not null && Scope.MayWatchHospital(user, h.Id));

    private bool MayAct => user is not null && hospitalId is not null && Scope.MayActForHospital(user, hospitalId);

    private IEnumerable<IncidentSnapshot> Patients => inbound.Values
        .OrderBy(i => i.State == CaseState.AtHospital ? 0 : 1)
        .ThenBy(i => etas.GetValueOrDefault(i.Id)?.RemainingAt(Time.GetUtcNow()) ?? double.MaxValue)
        .ThenBy(i => i.Priority);

    private IncidentSnapshot? Open => openId is null ? null : inbound.GetValueOrDefault(openId);

    /// <summary>Pre-alerts and alerts that wait for this ED, by a key that names each.</summary>
    private HashSet<string> Waiting => MayAct
        ? inbound.Values.SelectMany(i => (LoopOf(i) is { AwaitsEd: true } l ? [$"{i.Id}/prealert/{l.EscalationLevel > 0}"] : Array.Empty<string>())
            .Concat(i.Alerts.Where(a => !a.Acknowledged).Select(a => $"{i.Id}/alert/{a.Id}"))).ToHashSet(StringComparer.Ordinal)
        : [];

    /// <summary>off, sounding, escalated (a pre-alert escalated for want of an answer) or muted.</summary>
    private string Alarm
    {
        get
        {
            var waiting = Waiting;
            if (waiting.Count == 0)
            {
                return "off";
            }

            if (mutedFor is not null && waiting.IsSubsetOf(mutedFor))
            {
                return "muted";
            }

            return waiting.Any(k => k.EndsWith("/prealert/True", StringComparison.Ordinal)) ? "escalated" : "sounding";
        }
    }

    private void ToggleMute() => mutedFor = Alarm == "muted" ? null : Waiting;

    private HeldFrame? ShownFrame => held ?? frames.Channels.Select(frames.Latest).LastOrDefault(f => f is not null);

    private IEnumerable<CaseMessage> Conversation => messages.Values.OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal);

    private IEnumerable<GuidanceMark> MarksOn(string channel, long sequence) =>
        marks.Values.Where(m => m.Channel == channel && m.Sequence == sequence);

    /// <summary>Tele-guidance is the destination ED's (or an admin's), as <c>POST /api/incidents/{id}/guidance</c> allows.</summary>
    private bool MayGuide(IncidentSnapshot incident) =>
        user is not null && incident.HospitalId is { } destination && Scope.MayActForHospital(user, destination);

    private static string ToolLabel(GuidanceShape shape) => shape switch
    {
        GuidanceShape.Point => "Point",
        GuidanceShape.Line => "Draw",
        GuidanceShape.Arrow => "Arrow",
        _ => shape.ToString(),
    };

    protected override async Task OnInitializedAsync()
    {
        user = (await Authentication).User;
        // Subscribe before the first read, so a change committed in between is not lost (the longer timeline wins).
        subscription = Events.Subscribe(this);
        var own = OwnHospital;
        var first = own ?? Watchable.Select(h => h.Id).FirstOrDefault();
        if (first is not null && user is not null && Scope.MayWatchHospital(user, first))
        {
            await GuardAsync("load the board", () => WatchAsync(first));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/EmergencyLink.Consoles/ed-ecg.js");
            guidanceModule = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/EmergencyLink.Consoles/guidance.js");
            alarmModule = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/EmergencyLink.Consoles/ed-alarm.js");
            // The countdown moves every second; routes are measured again every few seconds on the same tick.
            clock = Time.CreateTimer(_ => _ = InvokeAsync(TickAsync), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            ecgTimer = Time.CreateTimer(_ => _ = InvokeAsync(FlushEcgAsync), null, EcgBatchInterval, EcgBatchInterval);
            live = true;
            StateHasChanged();
            return;
        }

        // The alarm follows what the board shows: started, changed or stopped after the render that shows it.
        if (alarmModule is not null && Alarm is var alarm && alarm != alarmPlaying)
        {
            alarmPlaying = alarm;
            await alarmModule.InvokeVoidAsync("set", alarm);
        }

        // The canvas exists only while a patient is open; attach the drawing when it appears, drop it when it goes.
        if (Open is not null && !ecgAttached && module is not null)
        {
            ecgAttached = true;
            ecgHandle = await module.InvokeAsync<IJSObjectReference>("attach", ecgCanvas);
            if (guidanceModule is not null)
            {
                self ??= DotNetObjectReference.Create(this);
                guidanceHandle = await guidanceModule.InvokeAsync<IJSObjectReference>("attach", videoPanel, self);
            }
        }
    }

    private async Task WatchAsync(string id)
    {
        hospitalId = id;
        inbound.Clear();
        inboundIds = new HashSet<string>(StringComparer.Ordinal);
        etas.Clear();
        await CloseAsync();
        hospital = await Grains.GetGrain<IHospitalGrain>(id).GetAsync();
        bedsDraft = hospital?.EdBedsFree ?? 0;
        foreach (var incident in await Grains.GetGrain<IHospitalGrain>(id).GetInboundAsync())
        {
            Keep(incident);
        }

        await MeasureEtasAsync(force: true);
    }

    private Task PickHospitalAsync(ChangeEventArgs e) =>
        e.Value is string id && user is not null && Scope.MayWatchHospital(user, id)
            ? GuardAsync("open that hospital's board", () => WatchAsync(id))
            : Task.CompletedTask;

    private async Task TickAsync()
    {
        try
        {
            await MeasureEtasAsync(force: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A unit's position is only needed for the ETA; the board keeps counting down the last one.
            Logger.LogWarning(e, "The ED board could not measure the inbound ETAs");
        }

        StateHasChanged();
    }

    /// <summary>Road time from each inbound unit's last position to the hospital, as the destination ranking measures it.</summary>
    private async Task MeasureEtasAsync(bool force)
    {
        var now = Time.GetUtcNow();
        if (hospital is null || (!force && now - lastEta < EtaInterval))
        {
            return;
        }

        lastEta = now;
        var target = Roads.Snap(hospital.Location);
        foreach (var incident in inbound.Values.Where(i => i.State == CaseState.Transporting).ToArray())
        {
            if (incident.AmbulanceId is not { } unitId)
            {
                continue;
            }

            if (!units.TryGetValue(unitId, out var unit) && await Grains.GetGrain<IAmbulanceGrain>(unitId).GetAsync() is { } fetched)
            {
                unit = fetched;
                units[unitId] = fetched;
            }

            if (unit is not null && target is { } to && Roads.Snap(unit.Location) is { } from && Roads.RouteBetween(from, to) is { } route)
            {
                etas[incident.Id] = new RoadEta(route.Seconds, now);
            }
        }
    }

    private async Task OpenPatientAsync(string incidentId)
    {
        await CloseAsync();

        // Another patient opened while this hold was being announced may have set one already: only the latest stays.
        var held = await Viewing.ViewAsync(incidentId);
        viewing?.Dispose();
        viewing = held;
        openId = incidentId;
        ecgFramesSeen = 0;
        lock (ecgGate)
        {
            awaitingBackfill = true;
        }

        if (inbound.GetValueOrDefault(incidentId) is { } incident)
        {
            foreach (var message in incident.Messages)
            {
                messages[message.Id] = message;
            }

            // The snapshot carries only the latest marks; the case keeps more.
            foreach (var mark in await Grains.GetGrain<IIncidentGrain>(incidentId).GetGuidanceAsync() ?? incident.Guidance)
            {
                marks[mark.Id] = mark;
            }

            await BackfillAsync(incidentId);
        }

        lock (ecgGate)
        {
            awaitingBackfill = false;
        }
    }

    /// <summary>
    /// The last seconds from the archive (the late-joiner replay the ED hub gives), so an opened patient shows a trace and
    /// readings at once instead of filling from empty. Runs before the canvas is attached, so the replayed ECG is drawn
    /// before the live ECG that arrived meanwhile (which it stops short of). Vitals are filled only for a patient the
    /// board has no readings of yet: the board hears every inbound patient's vitals, so otherwise it has them already.
    /// </summary>
    private async Task BackfillAsync(string incidentId)
    {
        TelemetryDelivery replayed;
        try
        {
            replayed = await Replay.LastSecondsAsync(incidentId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "The ED board could not read the last seconds of {Incident} from the archive", incidentId);
            return;
        }

        if (openId != incidentId)
        {
            return;
        }

        var ordered = replayed.Frames.OrderBy(f => f.Channel, StringComparer.Ordinal).ThenBy(f => f.Sequence).ToArray();
        var liveFrom = firstLiveVitals.GetValueOrDefault(incidentId, long.MaxValue);
        var older = new List<VitalSigns>();
        foreach (var frame in ordered.Where(f => f.Kind == TelemetryKind.Vitals && f.Sequence < liveFrom))
        {
            if (TelemetryCodec.TryDecodeVitals(frame.Payload, out var v, out _))
            {
                older.Add(v);
            }
        }

        if (older.Count > 0)
        {
            if (!vitals.TryGetValue(incidentId, out var trend))
            {
                trend = new VitalsTrend();
                vitals[incidentId] = trend;
            }

            trend.Prepend(older);
        }

        foreach (var frame in ordered.Where(f => f.Kind == TelemetryKind.Video))
        {
            if (TelemetryCodec.TryDecodeVideo(frame.Payload, out var video, out _))
            {
                frames.Add(frame.Channel, frame.Sequence, video);
            }
        }

        lock (ecgGate)
        {
            var before = firstLiveEcg ?? long.MaxValue;
            var ecg = ordered.Where(f => f.Kind == TelemetryKind.Ecg && f.Sequence < before)
                .Select(f => TelemetryCodec.TryDecodeEcg(f.Payload, out var block, out _) ? block : null)
                .OfType<EcgBlock>()
                .ToArray();
            pendingEcg.InsertRange(0, ecg);
            ecgFramesSeen += ecg.Length;
        }
    }

    private async Task CloseAsync()
    {
        openId = null;
        viewing?.Dispose();
        viewing = null;
        lock (ecgGate)
        {
            firstLiveEcg = null;
            awaitingBackfill = false;
        }

        frames.Clear();
        messages.Clear();
        marks.Clear();
        held = null;
        lock (ecgGate)
        {
            pendingEcg.Clear();
        }

        if (ecgHandle is not null)
        {
            var handle = ecgHandle;
            ecgHandle = null;
            try
            {
                await handle.InvokeVoidAsync("detach");
                await handle.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing to stop drawing.
            }
        }

        if (guidanceHandle is not null)
        {
            var handle = guidanceHandle;
            guidanceHandle = null;
            try
            {
                await handle.InvokeVoidAsync("detach");
                await handle.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing to stop listening to.
            }
        }

        ecgAttached = false;
    }

    /// <summary>
    /// A stroke from the drawing module: the frame it names is the one the clinician saw under the pointer, and the
    /// board holds it still from now on so the next marks go on the same picture. Checked by the rules the API applies.
    /// </summary>
    [JSInvokable]
    public Task DrawAsync(string channel, long sequence, string shape, double[] xy) => GuardAsync("mark the frame", async () =>
    {
        if (Open is not { } p || !MayGuide(p))
        {
            problem = "Only the receiving ED gives tele-guidance on its patient's video.";
            StateHasChanged();
            return;
        }

        if (held is null || held.Channel != channel || held.Sequence != sequence)
        {
            held = frames.Find(channel, sequence) ?? held;
        }

        var points = Enumerable.Range(0, (xy?.Length ?? 0) / 2).Select(i => new GuidancePoint(xy![2 * i], xy[(2 * i) + 1])).ToArray();
        var mark = new NewGuidanceMark(channel, sequence, Enum.TryParse<GuidanceShape>(shape, out var s) ? s : (GuidanceShape)(-1), points,
            string.IsNullOrWhiteSpace(markText) ? null : markText.Trim());
        var errors = TeleGuidance.Validate(mark);
        if (errors.Count > 0)
        {
            problem = string.Join(" ", errors.Values);
            StateHasChanged();
            return;
        }

        var result = await Grains.GetGrain<IIncidentGrain>(p.Id).MarkGuidanceAsync(mark, hospitalId, await ActorAsync());
        problem = result.Succeeded ? null : result.Error;
        if (result.Value is { } kept)
        {
            marks[kept.Id] = kept;
            markText = null;
        }

        StateHasChanged();
    });

    private Task SendMessageAsync(IncidentSnapshot incident, QuickReply? reply) => GuardAsync("send the message", async () =>
    {
        if (hospitalId is null || !MayAct)
        {
            problem = "Only the receiving ED writes to the crew from this board.";
            return;
        }

        var target = reply switch
        {
            QuickReply.GoToResus => resusRoom?.Trim(),
            QuickReply.DivertTo => divertTo ?? Region.Hospitals.FirstOrDefault(h => h.Id != hospitalId)?.Id,
            _ => null,
        };
        var message = new NewCaseMessage(MessageSide.Ed, hospitalId, string.IsNullOrWhiteSpace(messageText) ? null : messageText.Trim(), reply, target);
        var errors = CaseMessages.Validate(message);
        if (errors.Count > 0)
        {
            problem = string.Join(" ", errors.Values);
            return;
        }

        var posted = await Grains.GetGrain<IIncidentGrain>(incident.Id).PostMessageAsync(message, await ActorAsync());
        problem = posted.Succeeded ? null : posted.Error;
        if (posted.Value is { } kept)
        {
            messages[kept.Id] = kept;
            messageText = null;
        }
    });

    /// <summary>Hands the ECG gathered since the last batch to the canvas in one call.</summary>
    private async Task FlushEcgAsync()
    {
        EcgBlock[] batch;
        lock (ecgGate)
        {
            // Until the canvas is attached the blocks wait for it: the first of them may be the backfill.
            if (awaitingBackfill || ecgHandle is null)
            {
                return;
            }

            batch = [.. pendingEcg];
            pendingEcg.Clear();
        }

        if (batch.Length == 0 || ecgHandle is null)
        {
            return;
        }

        var rate = batch[0].SampleRateHz;
        var leads = Math.Min(12, batch.Min(b => b.Samples.Length));
        // Millivolts, rounded to the microvolt: small JSON, and all the canvas can show at 10 mm/mV.
        var millivolts = Enumerable.Range(0, leads)
            .Select(l => batch.SelectMany(b => b.Samples[l].Select(v => Math.Round(v * b.MicrovoltsPerUnit / 1000, 3))).ToArray())
            .ToArray();
        try
        {
            await ecgHandle.InvokeVoidAsync("push", rate, millivolts);
        }
        catch (JSDisconnectedException)
        {
            // The browser closed between two batches.
        }
    }

    private Task AcknowledgePreAlertAsync(IncidentSnapshot incident) => GuardAsync("acknowledge the pre-alert", async () =>
    {
        if (hospitalId is null || !MayAct)
        {
            problem = "Only this hospital's ED acknowledges its pre-alerts.";
            return;
        }

        var result = await Grains.GetGrain<IIncidentGrain>(incident.Id).AcknowledgeHandoverLoopAsync(hospitalId, null, await ActorAsync());
        problem = result.Succeeded ? null : result.Error;
        await RefreshAsync(incident.Id);
    });

    private Task AcknowledgeAlertAsync(IncidentSnapshot incident, string alertId) => GuardAsync("acknowledge the alert", async () =>
    {
        if (incident.HospitalId is not { } destination || user is null || !Scope.MayActForHospital(user, destination))
        {
            problem = "Only the receiving ED acknowledges a case's alerts.";
            return;
        }

        var result = await Grains.GetGrain<IIncidentGrain>(incident.Id).AcknowledgeAlertAsync(alertId, await ActorAsync());
        problem = result.Succeeded ? null : result.Error;
        await RefreshAsync(incident.Id);
    });

    private Task FireAsync(IncidentSnapshot incident, CaseTrigger trigger) => GuardAsync($"record {trigger}", async () =>
    {
        if (!MayFire(incident, trigger))
        {
            problem = $"You may not record {trigger} for {incident.Id}.";
            return;
        }

        var result = await Grains.GetGrain<IIncidentGrain>(incident.Id).FireAsync(new CaseCommand(trigger), await ActorAsync());
        problem = result.Succeeded ? null : result.Error;
        if (result.Value is { } changed)
        {
            Keep(changed);
        }
    });

    private Task SetStatusAsync(bool? diversion, int? bedsFree) => GuardAsync("set the hospital's status", async () =>
    {
        if (hospitalId is null || !MayAct)
        {
            problem = "Only this hospital's ED sets its diversion and beds.";
            return;
        }

        busy = true;
        try
        {
            var result = await Grains.GetGrain<IHospitalGrain>(hospitalId)
                .UpdateStatusAsync(new HospitalStatusUpdate(diversion, bedsFree), await ActorAsync());
            problem = result.Succeeded ? null : result.Error;
            if (result.Value is { } updated)
            {
                hospital = updated;
                bedsDraft = updated.EdBedsFree;
            }
        }
        finally
        {
            busy = false;
        }
    });

    private bool MayFire(IncidentSnapshot incident, CaseTrigger trigger) =>
        user is not null && incident.PermittedTriggers.Contains(trigger) && Scope.MayFire(user, incident, trigger);

    /// <summary>The grain's answer is committed, but the event may come later: read it now so the button reflects it.</summary>
    private async Task RefreshAsync(string incidentId)
    {
        if (await Grains.GetGrain<IIncidentGrain>(incidentId).GetAsync() is { } fresh)
        {
            Keep(fresh);
        }
    }

    /// <summary>
    /// A grain call that fails is shown on the board and logged; unhandled it would end the clinician's circuit.
    /// </summary>
    private async Task GuardAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The ED board could not {What}", what);
            problem = $"Could not {what}: {e.Message}";
            busy = false;
        }
    }

    private async Task<string> ActorAsync()
    {
        var who = user ?? (await Authentication).User;
        return who.FindFirstValue(ClaimNames.Name) ?? who.FindFirstValue(ClaimNames.Subject) ?? "ed";
    }

    void IConsoleListener.OnIncidentChanged(IncidentSnapshot incident) => _ = InvokeAsync(() =>
    {
        Keep(incident);
        StateHasChanged();
    });

    void IConsoleListener.OnCaseMessage(IncidentSnapshot incident, CaseMessage message)
    {
        if (incident.Id == openId)
        {
            _ = InvokeAsync(() =>
            {
                if (incident.Id == openId)
                {
                    messages[message.Id] = message;
                    StateHasChanged();
                }
            });
        }
    }

    void IConsoleListener.OnGuidanceMarked(IncidentSnapshot incident, GuidanceMark mark)
    {
        if (incident.Id == openId)
        {
            _ = InvokeAsync(() =>
            {
                if (incident.Id == openId)
                {
                    marks[mark.Id] = mark;
                    StateHasChanged();
                }
            });
        }
    }

    void IConsoleListener.OnUnitChanged(AmbulanceSnapshot unit)
    {
        // Only units bringing a patient here matter; their next position shows in the next ETA measurement.
        if (unit.IncidentId is { } caseId && inboundIds.Contains(caseId))
        {
            _ = InvokeAsync(() => units[unit.Id] = unit);
        }
    }

    void IConsoleListener.OnHospitalChanged(HospitalSnapshot changed)
    {
        if (changed.Id == hospitalId)
        {
            _ = InvokeAsync(() =>
            {
                hospital = changed;
                StateHasChanged();
            });
        }
    }

    void IConsoleListener.OnTelemetry(string? destination, TelemetryDelivery delivery)
    {
        // Every case's stream passes here at full rate: leave at once unless it is a patient inbound to this board.
        if (destination is null || destination != hospitalId || !inboundIds.Contains(delivery.CaseId))
        {
            return;
        }

        var isOpen = delivery.CaseId == openId;
        var ecg = new List<EcgBlock>();
        var readings = new List<VitalSigns>();
        var firstVitals = long.MaxValue;
        var videos = new List<(string Channel, long Sequence, VideoFrame Frame)>();
        var firstEcg = long.MaxValue;
        foreach (var frame in delivery.Frames)
        {
            switch (frame.Kind)
            {
                case TelemetryKind.Vitals when TelemetryCodec.TryDecodeVitals(frame.Payload, out var v, out _):
                    readings.Add(v);
                    firstVitals = Math.Min(firstVitals, frame.Sequence);
                    break;
                case TelemetryKind.Ecg when isOpen && TelemetryCodec.TryDecodeEcg(frame.Payload, out var block, out _):
                    ecg.Add(block);
                    firstEcg = Math.Min(firstEcg, frame.Sequence);
                    break;
                case TelemetryKind.Video when isOpen && TelemetryCodec.TryDecodeVideo(frame.Payload, out var video, out _):
                    videos.Add((frame.Channel, frame.Sequence, video));
                    break;
            }
        }

        if (ecg.Count > 0)
        {
            lock (ecgGate)
            {
                pendingEcg.AddRange(ecg);
                firstLiveEcg = Math.Min(firstLiveEcg ?? long.MaxValue, firstEcg);
            }
        }

        if (readings.Count > 0 || ecg.Count > 0 || videos.Count > 0)
        {
            _ = InvokeAsync(() =>
            {
                if (readings.Count > 0 && !firstLiveVitals.ContainsKey(delivery.CaseId))
                {
                    firstLiveVitals[delivery.CaseId] = firstVitals;
                }

                Take(delivery.CaseId, readings, ecg.Count, videos);
            });
        }
    }

    private void Take(string caseId, List<VitalSigns> readings, int ecgFrames, List<(string Channel, long Sequence, VideoFrame Frame)> videos)
    {
        if (readings.Count > 0)
        {
            if (!vitals.TryGetValue(caseId, out var trend))
            {
                trend = new VitalsTrend();
                vitals[caseId] = trend;
            }

            readings.ForEach(trend.Add);
        }

        if (caseId == openId)
        {
            ecgFramesSeen += ecgFrames;
            foreach (var (channel, sequence, frame) in videos)
            {
                frames.Add(channel, sequence, frame);
            }
        }

        // Vitals come once a second: the one render they cause is the board's beat. ECG alone renders nothing here.
        if (readings.Count > 0 || videos.Count > 0)
        {
            StateHasChanged();
        }
    }

    /// <summary>
    /// Inbound is the hospital grain's rule: headed here (Transporting or AtHospital), not yet handed over. A case that
    /// leaves (diverted, handed over) leaves the board; an older snapshot never replaces a newer one.
    /// </summary>
    private void Keep(IncidentSnapshot incident)
    {
        if (inbound.TryGetValue(incident.Id, out var known) && known.Timeline.Count > incident.Timeline.Count)
        {
            return;
        }

        var isInbound = hospitalId is not null && incident.HospitalId == hospitalId
            && incident.State is CaseState.Transporting or CaseState.AtHospital
            && user is not null && Scope.MayRead(user, incident);
        if (isInbound)
        {
            if (inbound.TryAdd(incident.Id, incident))
            {
                inboundIds = inbound.Keys.ToHashSet(StringComparer.Ordinal);
            }

            inbound[incident.Id] = incident;
            if (incident.Id == openId)
            {
                foreach (var message in incident.Messages)
                {
                    messages[message.Id] = message;
                }
            }
        }
        else if (inbound.Remove(incident.Id))
        {
            inboundIds = inbound.Keys.ToHashSet(StringComparer.Ordinal);
            etas.Remove(incident.Id);
            vitals.Remove(incident.Id);
            firstLiveVitals.Remove(incident.Id);
            if (openId == incident.Id)
            {
                _ = CloseAsync();
            }
        }
    }

    private string EtaText(IncidentSnapshot incident)
    {
        if (incident.State == CaseState.AtHospital)
        {
            return "arrived";
        }

        if (etas.GetValueOrDefault(incident.Id) is not { } eta)
        {
            return "measuring…";
        }

        var left = eta.RemainingAt(Time.GetUtcNow());
        return left <= 0 ? "due now" : string.Create(CultureInfo.InvariantCulture, $"{(int)(left / 60)}:{(int)(left % 60):00}");
    }

    /// <summary>The crew's documented chief complaint, if any (the latest current one), else the dispatcher's.</summary>
    private static string Complaint(IncidentSnapshot incident) =>
        CaseDocumentation.Current(incident.Documentation).LastOrDefault(e => e.Kind == CareEntryKind.ChiefComplaint)?.Text
        ?? incident.Complaint;

    private HandoverLoop? LoopOf(IncidentSnapshot incident) =>
        incident.HandoverLoops.LastOrDefault(l => l.HospitalId == hospitalId);

    private static string Clock(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Reading(double? value, string format = "0") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        if (clock is not null)
        {
            await clock.DisposeAsync();
        }

        if (ecgTimer is not null)
        {
            await ecgTimer.DisposeAsync();
        }

        await CloseAsync();
        self?.Dispose();
        try
        {
            if (module is not null)
            {
                await module.DisposeAsync();
            }

            if (guidanceModule is not null)
            {
                await guidanceModule.DisposeAsync();
            }

            if (alarmModule is not null)
            {
                await alarmModule.InvokeVoidAsync("set", "off");
                await alarmModule.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone.
        }
    }
}
