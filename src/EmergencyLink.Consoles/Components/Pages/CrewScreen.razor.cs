using System.Globalization;
using System.Security.Claims;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Consoles.Live;
using EmergencyLink.Consoles.Map;
using EmergencyLink.Consoles.Video;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Domain.Units;
using EmergencyLink.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Consoles.Components.Pages;

/// <summary>
/// The crew screen: the unit's own case only. It calls the grains the API's endpoints call, with the same scope rules and
/// validation, and hears committed changes, messages and guidance marks through <see cref="ConsoleEvents"/>.
/// </summary>
public sealed partial class CrewScreen
{
    /// <summary>The guidance frames shown at once: the latest few, so an old drawing does not crowd out the live one.</summary>
    private const int FramesShown = 3;

    /// <summary>A channel whose last frame is older than this is shown as silent rather than connected.</summary>
    private static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(15);

    /// <summary>The telemetry report is read from the archive; every few seconds is live enough for a health line.</summary>
    private static readonly TimeSpan LinkRefresh = TimeSpan.FromSeconds(5);

    /// <summary>The steps a crew takes, in the order the buttons are shown; the transfer of care is the ED's.</summary>
    private static readonly CaseTrigger[] CrewSteps =
        [CaseTrigger.EnRoute, CaseTrigger.ArriveScene, CaseTrigger.Transport, CaseTrigger.ArriveHospital, CaseTrigger.Close];

    private static readonly CareEntryKind[] QuickKinds = [CareEntryKind.Treatment, CareEntryKind.MedicationGiven, CareEntryKind.Impression];

    private readonly CrewForm form = new();
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseMessage> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GuidanceMark> marks = new(StringComparer.Ordinal);

    // The case's video as the server relays it: the frames the ED marks are found here by their sequence.
    private readonly FrameStore frames = new();
    private IDisposable? subscription;
    private Task<IDisposable>? viewing;
    private ITimer? clock;
    private ClaimsPrincipal? user;
    private string? vehicleId;
    private AmbulanceSnapshot? unit;
    private IncidentSnapshot? incident;
    private IReadOnlyList<DestinationRecommendation>? destinations;
    private IReadOnlyList<ChannelReport> link = [];
    private string linkShown = "";
    private bool choosingDestination;
    private string? problem;
    private string? notice;
    private readonly Dictionary<CaseTrigger, Func<Task>> stepHandlers = [];
    private Task queue = Task.CompletedTask;
    private int inFlight;
    private bool live;

    /// <summary>An action of the crew's (or the screen's own read) is running; shown as <c>data-busy</c>, never used to refuse a tap.</summary>
    private bool Busy => inFlight > 0;

    [Inject]
    private IGrainFactory Grains { get; set; } = null!;

    [Inject]
    private ConsoleEvents Events { get; set; } = null!;

    [Inject]
    private IConsoleScope Scope { get; set; } = null!;

    [Inject]
    private ICrewDesk Desk { get; set; } = null!;

    [Inject]
    private ICaseViewing Viewing { get; set; } = null!;

    [Inject]
    private RegionDrawing Region { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ILogger<CrewScreen> Logger { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    private string Actor => user?.FindFirstValue(ClaimNames.Name) ?? user?.FindFirstValue(ClaimNames.Subject) ?? "crew";

    private IEnumerable<CaseTrigger> Steps => incident is null || user is null
        ? []
        : CrewSteps.Where(t => incident.PermittedTriggers.Contains(t) && Scope.MayFire(user, incident, t));

    /// <summary>
    /// The case the crew works on: a closed or cancelled one the unit has left is history, and the screen offers the
    /// unit back to service instead.
    /// </summary>
    private IncidentSnapshot? Current => incident is { } c && CaseWorkflow.IsTerminal(c.State) && unit?.IncidentId != c.Id ? null : incident;

    private HeldFrame? LiveFrame => frames.Channels.Select(frames.Latest).LastOrDefault(f => f is not null);

    private IEnumerable<GuidanceMark> MarksOn(string channel, long sequence) =>
        marks.Values.Where(m => m.Channel == channel && m.Sequence == sequence);

    private IEnumerable<CaseMessage> Conversation => messages.Values.OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal);

    /// <summary>The latest frames marked, each with its marks: a frame is one channel's one sequence number.</summary>
    private IEnumerable<IGrouping<(string Channel, long Sequence), GuidanceMark>> Frames => marks.Values
        .GroupBy(m => (m.Channel, m.Sequence))
        .OrderByDescending(g => g.Max(m => m.At))
        .Take(FramesShown);

    protected override async Task OnInitializedAsync()
    {
        user = (await Authentication).User;
        vehicleId = user.FindFirstValue(ClaimNames.Vehicle);
        // Subscribe before the first read, so a change committed in between is not lost (the newer one wins below).
        subscription = Events.Subscribe(this);
        await GuardAsync("read the unit and its case", LoadAsync);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        clock = Time.CreateTimer(_ => _ = InvokeAsync(RefreshLinkQuietlyAsync), null, LinkRefresh, LinkRefresh);
        live = true;
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        if (vehicleId is null)
        {
            return;
        }

        if (await Grains.GetGrain<IAmbulanceGrain>(vehicleId).GetAsync() is { } read)
        {
            Keep(read);
        }

        await LoadCaseAsync(unit?.IncidentId);
    }

    private async Task LoadCaseAsync(string? incidentId)
    {
        if (incidentId is null)
        {
            return;
        }

        var read = await Grains.GetGrain<IIncidentGrain>(incidentId).GetAsync();
        if (read is not null && Keep(read))
        {
            // The snapshot carries only the latest marks; the case keeps more.
            foreach (var mark in await Grains.GetGrain<IIncidentGrain>(incidentId).GetGuidanceAsync() ?? [])
            {
                marks.TryAdd(mark.Id, mark);
            }

            await RefreshLinkAsync();
            if (read.State is CaseState.OnScene or CaseState.Transporting)
            {
                await RankAsync();
            }
        }
    }

    private async Task RefreshLinkAsync()
    {
        if (incident is { } current)
        {
            var report = await Desk.LinkReportAsync(current.Id);
            // Re-render only for news: the report is read every few seconds, and mostly says what it said before.
            var shown = LinkSignature(report);
            if (shown != linkShown)
            {
                link = report;
                linkShown = shown;
                StateHasChanged();
            }
        }
    }

    /// <summary>
    /// The timer's refresh: a failed read is logged and tried again at the next tick, without touching the crew's own
    /// problem line or the buttons a step in flight has disabled.
    /// </summary>
    private async Task RefreshLinkQuietlyAsync()
    {
        try
        {
            await RefreshLinkAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "The crew screen could not read the link report");
        }
    }

    private async Task RankAsync()
    {
        if (incident is { } current)
        {
            destinations = await Desk.DestinationsAsync(current);
        }
    }

    /// <summary>
    /// Every action of the screen runs through here, one after the other in the order tapped. A tap is never refused
    /// because another action is still in flight: the buttons used to be disabled while one was, and a tap that met a
    /// button disabled by a render racing it (the pre-alert's own re-render, a live event's) was silently dropped by the
    /// browser, which sends no click for a disabled button. Queued instead, the tap waits for the action before it, so
    /// two steps never interleave their reads and writes of the case either.
    /// A grain call that fails is shown on the screen and logged; left unhandled it would end the crew's circuit, and
    /// the screen with it, in the middle of a case.
    /// </summary>
    private Task GuardAsync(string what, Func<Task> action)
    {
        // Only ever called on the circuit's dispatcher, so reading and replacing the queue needs no lock.
        var run = RunAfterAsync(queue, what, action);
        queue = run;
        return run;
    }

    private async Task RunAfterAsync(Task previous, string what, Func<Task> action)
    {
        inFlight++;
        try
        {
            // Never faults: each queued run catches its own failure below.
            await previous;
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The crew screen could not {What}", what);
            problem = $"Could not {what}: {e.Message}";
        }
        finally
        {
            inFlight--;
        }
    }

    /// <summary>
    /// One handler per step for the life of the screen: a lambda made at each render would be a new delegate, so each
    /// render would give the button a new event handler id in the browser.
    /// </summary>
    private Func<Task> StepHandler(CaseTrigger trigger)
    {
        if (!stepHandlers.TryGetValue(trigger, out var handler))
        {
            handler = () => StepAsync(trigger);
            stepHandlers[trigger] = handler;
        }

        return handler;
    }

    private Task StepAsync(CaseTrigger trigger)
    {
        if (trigger == CaseTrigger.Transport)
        {
            // The destination is part of the step: the crew picks it from the ranking first.
            choosingDestination = true;
            return GuardAsync("rank the hospitals", RankAsync);
        }

        return FireAsync(new CaseCommand(trigger));
    }

    private Task TransportAsync(string hospitalId) => FireAsync(new CaseCommand(CaseTrigger.Transport, HospitalId: hospitalId));

    private Task FireAsync(CaseCommand command) => GuardAsync($"record {command.Trigger}", async () =>
    {
        if (incident is { } known && !known.PermittedTriggers.Contains(command.Trigger) && known.Timeline.Any(t => t.Trigger == command.Trigger))
        {
            // A second tap of a step already recorded (queued behind the first): nothing to do, and nothing wrong.
            return;
        }

        if (incident is not { } current || user is null || !Scope.MayFire(user, current, command.Trigger))
        {
            problem = $"You may not record {command.Trigger} on this case.";
            return;
        }

        var fired = await Grains.GetGrain<IIncidentGrain>(current.Id).FireAsync(command, Actor);
        if (fired.Succeeded)
        {
            Keep(fired.Value!);
            choosingDestination = false;
            problem = null;
        }
        else
        {
            problem = fired.Error;
        }
    });

    /// <summary>With no case the crew's own status is its to set: back in service once clear.</summary>
    private Task AvailableAsync() => GuardAsync("report available", async () =>
    {
        var set = await Grains.GetGrain<IAmbulanceGrain>(vehicleId!).SetCrewStatusAsync(UnitStatus.Available, Actor);
        if (set.Succeeded)
        {
            Keep(set.Value!);
            problem = null;
        }
        else
        {
            problem = set.Error;
        }
    });

    private Task PreAlertAsync() => GuardAsync("send the pre-alert", async () =>
    {
        errors.Clear();
        if (incident is not { } current)
        {
            return;
        }

        var hospitalId = current.HospitalId ?? destinations?.FirstOrDefault(d => d.Recommended)?.HospitalId;
        if (hospitalId is null)
        {
            errors["prealert.hospitalId"] = "Choose the destination first.";
            return;
        }

        var message = string.IsNullOrWhiteSpace(form.PreAlertMessage) ? null : form.PreAlertMessage.Trim();
        if (message is { Length: > HandoverLoops.MaxMessageLength })
        {
            errors["prealert.message"] = $"The message is longer than {HandoverLoops.MaxMessageLength} characters.";
            return;
        }

        var sent = await Grains.GetGrain<IIncidentGrain>(current.Id).SendPreAlertAsync(hospitalId, message, Actor);
        Report(sent.Succeeded, sent.Error, "Pre-alert sent.");
        if (sent.Succeeded)
        {
            form.PreAlertMessage = null;
            await ReloadAsync();
        }
    });

    private Task ConfirmTransferAsync() => GuardAsync("confirm the transfer of care", async () =>
    {
        if (incident is { } current)
        {
            var confirmed = await Grains.GetGrain<IIncidentGrain>(current.Id).AcknowledgeTransferAsync(Actor);
            Report(confirmed.Succeeded, confirmed.Error, "Transfer of care confirmed.");
            await ReloadAsync();
        }
    });

    private Task RecordEntryAsync() => DocumentAsync("entry", () => new NewCareEntry(
        form.EntryKind,
        form.EntryText?.Trim() ?? "",
        Value: form.EntryKind == CareEntryKind.MedicationGiven ? form.Dose : null,
        Unit: form.EntryKind == CareEntryKind.MedicationGiven ? form.DoseUnit?.Trim() : null,
        Route: form.EntryKind == CareEntryKind.MedicationGiven ? form.Route?.Trim() : null), () =>
    {
        form.EntryText = null;
        form.Dose = null;
    });

    private Task RecordGcsAsync() => DocumentAsync("gcs", () =>
    {
        if (form.GcsEye is null && form.GcsVerbal is null && form.GcsMotor is null)
        {
            errors["gcs.gcs"] = "At least one component must have been testable.";
            return null;
        }

        return AssessmentEntries.Gcs(new GlasgowComaScale(form.GcsEye, form.GcsVerbal, form.GcsMotor), null);
    }, () => { });

    private Task RecordPainAsync() => DocumentAsync("pain", () =>
    {
        if (form.PainScore is not { } score || score is < 0 or > 10)
        {
            errors["pain.score"] = "score is between 0 and 10.";
            return null;
        }

        return AssessmentEntries.Pain(score, string.IsNullOrWhiteSpace(form.PainSite) ? null : form.PainSite.Trim(), null);
    }, () => form.PainSite = null);

    private Task RecordPatientAsync() => DocumentAsync("patient", () =>
    {
        var details = new PatientDetails(string.IsNullOrWhiteSpace(form.PatientName) ? null : form.PatientName.Trim(),
            form.PatientSex, null, form.PatientAge, form.AgeEstimated);
        return new NewCareEntry(CareEntryKind.Patient, details.Describe(), Patient: details);
    }, () => { });

    /// <summary>
    /// Builds the entry, validates it with the documentation rules the API applies and shows each problem by its field;
    /// a valid entry goes to the case. <paramref name="build"/> may refuse by returning null after adding errors.
    /// </summary>
    private Task DocumentAsync(string panel, Func<NewCareEntry?> build, Action cleared) => GuardAsync("record the entry", async () =>
    {
        errors.Clear();
        notice = null;
        if (incident is not { } current)
        {
            return;
        }

        NewCareEntry? entry;
        try
        {
            entry = build();
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The scale's own range check, as the API turns it into a field error.
            errors[$"{panel}.{e.ParamName ?? panel}"] = e.Message.Split(" (Parameter")[0];
            return;
        }

        if (entry is null)
        {
            return;
        }

        foreach (var (field, message) in CaseDocumentation.Validate(entry, current.CreatedAt, Time.GetUtcNow()))
        {
            errors[$"{panel}.{field}"] = message;
        }

        if (errors.Count > 0)
        {
            return;
        }

        var recorded = await Grains.GetGrain<IIncidentGrain>(current.Id).DocumentAsync(entry, Actor);
        Report(recorded.Succeeded, recorded.Error, $"Recorded: {(recorded.Value is { } kept ? CaseDocumentation.Summary(kept) : "")}");
        if (recorded.Succeeded)
        {
            cleared();
            await ReloadAsync();
        }
    });

    private Task SendMessageAsync() => PostAsync(new NewCaseMessage(MessageSide.Crew, null, form.MessageText?.Trim()), () => form.MessageText = null);

    private Task QuickReplyAsync(QuickReply reply) => PostAsync(new NewCaseMessage(MessageSide.Crew, null, null, reply), () => { });

    private Task PostAsync(NewCaseMessage message, Action cleared) => GuardAsync("send the message", async () =>
    {
        errors.Clear();
        if (incident is not { } current)
        {
            return;
        }

        foreach (var (field, text) in CaseMessages.Validate(message))
        {
            errors[$"message.{field}"] = text;
        }

        if (errors.Count > 0)
        {
            return;
        }

        var posted = await Grains.GetGrain<IIncidentGrain>(current.Id).PostMessageAsync(message, Actor);
        if (posted.Succeeded)
        {
            messages[posted.Value!.Id] = posted.Value;
            cleared();
            problem = null;
        }
        else
        {
            problem = posted.Error;
        }
    });

    private async Task ReloadAsync()
    {
        if (incident is { } current && await Grains.GetGrain<IIncidentGrain>(current.Id).GetAsync() is { } read)
        {
            Keep(read);
        }
    }

    private void Report(bool succeeded, string? error, string success)
    {
        problem = succeeded ? null : error;
        notice = succeeded ? success : null;
    }

    void IConsoleListener.OnUnitChanged(AmbulanceSnapshot changed)
    {
        if (changed.Id != vehicleId)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            var before = incident?.Id;
            Keep(changed);
            if (unit?.IncidentId is { } caseId && caseId != before)
            {
                await GuardAsync("read the new case", () => LoadCaseAsync(caseId));
            }

            StateHasChanged();
        });
    }

    void IConsoleListener.OnIncidentChanged(IncidentSnapshot changed)
    {
        if (changed.AmbulanceId != vehicleId && changed.Id != incident?.Id)
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            Keep(changed);
            StateHasChanged();
        });
    }

    void IConsoleListener.OnCaseMessage(IncidentSnapshot changed, CaseMessage message)
    {
        if (changed.Id != incident?.Id)
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            messages[message.Id] = message;
            StateHasChanged();
        });
    }

    void IConsoleListener.OnTelemetry(string? hospitalId, TelemetryDelivery delivery)
    {
        // Every case's stream passes here at full rate: only this case's video matters to the screen.
        if (delivery.CaseId != incident?.Id)
        {
            return;
        }

        var videos = new List<(string Channel, long Sequence, VideoFrame Frame)>();
        foreach (var frame in delivery.Frames)
        {
            if (frame.Kind == TelemetryKind.Video && TelemetryCodec.TryDecodeVideo(frame.Payload, out var video, out _))
            {
                videos.Add((frame.Channel, frame.Sequence, video));
            }
        }

        if (videos.Count > 0)
        {
            _ = InvokeAsync(() =>
            {
                if (delivery.CaseId != incident?.Id)
                {
                    return;
                }

                foreach (var (channel, sequence, frame) in videos)
                {
                    frames.Add(channel, sequence, frame);
                }

                StateHasChanged();
            });
        }
    }

    void IConsoleListener.OnGuidanceMarked(IncidentSnapshot changed, GuidanceMark mark)
    {
        if (changed.Id != incident?.Id)
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            marks[mark.Id] = mark;
            StateHasChanged();
        });
    }

    private void Keep(AmbulanceSnapshot read)
    {
        if (unit is null || unit.Version <= read.Version)
        {
            unit = read;
        }
    }

    /// <summary>
    /// Keeps the case if it is this crew's to see and not older than the one shown (a read racing an event); returns
    /// whether it was kept.
    /// </summary>
    private bool Keep(IncidentSnapshot read)
    {
        if (user is null || !Scope.MayRead(user, read))
        {
            return false;
        }

        if (incident is { } known && known.Id == read.Id && known.Timeline.Count > read.Timeline.Count)
        {
            return false;
        }

        if (incident?.Id != read.Id)
        {
            // The screen shows its case's video: hold the case's full-rate stream here (announced in the background;
            // the first frames may come only once other nodes have heard).
            LetViewingGo();
            viewing = Viewing.ViewAsync(read.Id);
            messages.Clear();
            marks.Clear();
            frames.Clear();
            destinations = null;
            link = [];
            linkShown = "";
        }

        incident = read;
        foreach (var message in read.Messages)
        {
            messages[message.Id] = message;
        }

        foreach (var mark in read.Guidance)
        {
            marks.TryAdd(mark.Id, mark);
        }

        return true;
    }

    private string? Error(string key) => errors.GetValueOrDefault(key);

    private string HospitalName(string? hospitalId) =>
        hospitalId is null ? "none yet" : Region.Hospitals.FirstOrDefault(h => h.Id == hospitalId)?.Name ?? hospitalId;

    private string LinkState(ChannelReport channel)
    {
        var silent = Time.GetUtcNow() - channel.LastCapturedAt;
        return silent <= SilentAfter ? "connected" : $"silent {Seconds(silent)}";
    }

    /// <summary>What the link panel would show of a report, so an unchanged report (and silence) costs no render.</summary>
    private string LinkSignature(IReadOnlyList<ChannelReport> report) => string.Join('|', report.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Channel} {LinkState(c)} {c.Received}/{c.Expected} {c.Missing} {c.OpenGaps.Count} {c.Late}")));

    private static string Seconds(TimeSpan span) => span < TimeSpan.FromMinutes(1)
        ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : $"{(int)span.TotalMinutes} min";

    private static string Percent(ChannelReport channel) => channel.Expected <= 0
        ? "–"
        : (100.0 * channel.Received / channel.Expected).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Minutes(double seconds) => $"{(int)(seconds / 60)}:{(int)(seconds % 60):00}";

    private static string Label(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.EnRoute => "En route",
        CaseTrigger.ArriveScene => "On scene",
        CaseTrigger.Transport => "Transport",
        CaseTrigger.ArriveHospital => "At hospital",
        CaseTrigger.Close => "Clear · available",
        _ => trigger.ToString(),
    };

    private static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private void LetViewingGo()
    {
        if (viewing is { } held)
        {
            viewing = null;
            _ = held.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        LetViewingGo();
        subscription?.Dispose();
        if (clock is not null)
        {
            await clock.DisposeAsync();
        }
    }
}
