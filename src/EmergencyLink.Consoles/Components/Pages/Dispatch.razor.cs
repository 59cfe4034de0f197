using System.Globalization;
using System.Security.Claims;
using EmergencyLink.Consoles.Live;
using EmergencyLink.Consoles.Map;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace EmergencyLink.Consoles.Components.Pages;

/// <summary>
/// The dispatcher console. It calls the same grains the API endpoints call and hears committed changes through
/// <see cref="ConsoleEvents"/>, so what it shows is what the API would answer.
/// </summary>
public sealed partial class Dispatch
{
    private const int RecommendationCount = 5;

    /// <summary>
    /// A busy region moves every unit every second or so; one render per change would redraw the page dozens of
    /// times a second. Changes are applied at once and rendered together at most this often.
    /// </summary>
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, AmbulanceSnapshot> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentSnapshot> incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HospitalSnapshot> hospitals = new(StringComparer.Ordinal);
    private readonly IncidentDraft draft = new();
    private ElementReference svg;
    private IJSObjectReference? module;
    private IJSObjectReference? mapHandle;
    private DotNetObjectReference<Dispatch>? self;
    private IDisposable? subscription;
    private ITimer? clock;
    private string? selectedId;
    private IReadOnlyList<UnitRecommendation>? recommendations;
    private IReadOnlyList<UnitExclusion> leftOut = [];
    private GeoPoint? pick;
    private string? problem;
    private bool busy;
    private bool live;
    private bool renderPending;
    private ClaimsPrincipal? user;
    private CoverageFigure? coverage;

    [Inject]
    private IGrainFactory Grains { get; set; } = null!;

    [Inject]
    private ConsoleEvents Events { get; set; } = null!;

    [Inject]
    private RegionDrawing Region { get; set; } = null!;

    [Inject]
    private IConsoleScope Scope { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ILogger<Dispatch> Logger { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = null!;

    private IEnumerable<IncidentSnapshot> OpenIncidents => incidents.Values
        .Where(i => user is not null && Scope.MayRead(user, i))
        .Where(i => i.State is not (CaseState.HandedOver or CaseState.Closed or CaseState.Cancelled))
        .OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt);

    private IncidentSnapshot? Selected => selectedId is null ? null : incidents.GetValueOrDefault(selectedId);

    protected override async Task OnInitializedAsync()
    {
        // Subscribe before the first read, so a change committed in between is not lost (a newer version wins below).
        user = (await Authentication).User;
        subscription = Events.Subscribe(this);
        coverage = Events.LatestCoverage;
        var fleet = await Grains.GetGrain<IDispatchGrain>(GrainKeys.Region).ListUnitsAsync();
        foreach (var unit in fleet)
        {
            Keep(unit);
        }

        foreach (var incident in await Grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).ListAsync(openOnly: true))
        {
            incidents.TryAdd(incident.Id, incident);
        }

        var seen = await Task.WhenAll(Region.HospitalIds.Select(id => Grains.GetGrain<IHospitalGrain>(id).GetAsync()));
        foreach (var hospital in seen.OfType<HospitalSnapshot>())
        {
            hospitals.TryAdd(hospital.Id, hospital);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/EmergencyLink.Consoles/dispatch-map.js");
        self = DotNetObjectReference.Create(this);
        mapHandle = await module.InvokeAsync<IJSObjectReference>("attach", svg, self);
        // Ages in the queue move on their own; a slow tick is enough for minutes.
        clock = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        live = true;
        StateHasChanged();
    }

    /// <summary>A click on the map, in map metres; it becomes the new incident's location.</summary>
    [JSInvokable]
    public Task MapClickedAsync(double x, double y)
    {
        var point = Region.Projection.Unproject(x, y);
        pick = point;
        draft.Lat = Math.Round(point.Lat, 6);
        draft.Lon = Math.Round(point.Lon, 6);
        StateHasChanged();
        return Task.CompletedTask;
    }

    private async Task ResetViewAsync()
    {
        if (mapHandle is not null)
        {
            await mapHandle.InvokeVoidAsync("reset");
        }
    }

    private Task CreateAsync() => GuardAsync("create the incident", CreateIncidentAsync);

    private Task AssignAsync(string incidentId, string ambulanceId) =>
        GuardAsync("assign the unit", () => AssignUnitAsync(incidentId, ambulanceId));

    private Task SelectAsync(string incidentId) => GuardAsync("rank the units", () => RankAsync(incidentId));

    /// <summary>
    /// A grain call that fails (a timeout while the silo is busy, say) is shown on the console and logged; left
    /// unhandled it would end the dispatcher's whole circuit, and the console with it.
    /// </summary>
    private async Task GuardAsync(string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The dispatcher console could not {What}", what);
            problem = $"Could not {what}: {e.Message}";
            busy = false;
        }
    }

    private async Task CreateIncidentAsync()
    {
        problem = Validate();
        if (problem is not null)
        {
            return;
        }

        busy = true;
        try
        {
            var actor = await ActorAsync();
            var call = new NewIncident(new GeoPoint(draft.Lat!.Value, draft.Lon!.Value), draft.Complaint!.Trim(), draft.Priority);
            var opened = await Grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).OpenAsync(call, actor);
            if (!opened.Succeeded)
            {
                problem = opened.Error;
                return;
            }

            // The dispatcher set the priority on this form, which is the triage: the case is ready to assign at once.
            var triaged = await Grains.GetGrain<IIncidentGrain>(opened.Value!.Id)
                .FireAsync(new CaseCommand(CaseTrigger.Triage, Priority: draft.Priority), actor);
            var incident = triaged.Value ?? opened.Value;
            Keep(incident);
            problem = triaged.Succeeded ? null : triaged.Error;
            draft.Complaint = null;
            pick = null;
            await RankAsync(incident.Id);
        }
        finally
        {
            busy = false;
        }
    }

    private string? Validate()
    {
        if (draft.Lat is not { } lat || draft.Lon is not { } lon || !GeoPoint.IsValid(lat, lon))
        {
            return "Click the map or enter the coordinates of the incident.";
        }

        if (string.IsNullOrWhiteSpace(draft.Complaint))
        {
            return "Enter the chief complaint.";
        }

        return CasePriority.IsValid(draft.Priority) ? null : "Priority is 1 to 4.";
    }

    private async Task RankAsync(string incidentId)
    {
        selectedId = incidentId;
        recommendations = null;
        leftOut = [];
        if (Selected is { AmbulanceId: null } incident)
        {
            // Explained, as the API's ?explain=true: a dispatcher who expected another unit sees why it is not offered.
            var ranking = await Grains.GetGrain<IDispatchGrain>(GrainKeys.Region)
                .RecommendAsync(incident.Location, incident.Priority, RecommendationCount, explain: true);
            if (selectedId == incidentId)
            {
                recommendations = ranking.Ranked.Take(RecommendationCount).ToArray();
                leftOut = ranking.Excluded;
            }
        }
    }

    private async Task AssignUnitAsync(string incidentId, string ambulanceId)
    {
        if (user is null || incidents.GetValueOrDefault(incidentId) is not { } incident || !Scope.MayFire(user, incident, CaseTrigger.Assign))
        {
            problem = $"You may not assign units to {incidentId}.";
            return;
        }

        busy = true;
        try
        {
            var assigned = await Grains.GetGrain<IIncidentGrain>(incidentId)
                .FireAsync(new CaseCommand(CaseTrigger.Assign, AmbulanceId: ambulanceId), await ActorAsync());
            if (assigned.Succeeded)
            {
                Keep(assigned.Value!);
                problem = null;
            }
            else
            {
                problem = assigned.Error;
                await RankAsync(incidentId);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task<string> ActorAsync()
    {
        var user = this.user ?? (await Authentication).User;
        return user.FindFirstValue(ClaimNames.Name) ?? user.FindFirstValue(ClaimNames.Subject) ?? "dispatcher";
    }

    void IConsoleListener.OnIncidentChanged(IncidentSnapshot incident) => _ = InvokeAsync(() =>
    {
        Keep(incident);
        RenderSoon();
    });

    void IConsoleListener.OnUnitChanged(AmbulanceSnapshot unit) => _ = InvokeAsync(() =>
    {
        Keep(unit);
        RenderSoon();
    });

    void IConsoleListener.OnCoverageChanged(CoverageFigure coverage) => _ = InvokeAsync(() =>
    {
        this.coverage = coverage;
        RenderSoon();
    });

    void IConsoleListener.OnHospitalChanged(HospitalSnapshot hospital) => _ = InvokeAsync(() =>
    {
        hospitals[hospital.Id] = hospital;
        RenderSoon();
    });

    /// <summary>Runs on the renderer's context: the first change of a burst schedules the one render for all of it.</summary>
    private void RenderSoon()
    {
        if (renderPending)
        {
            return;
        }

        renderPending = true;
        _ = RenderLaterAsync();
    }

    private async Task RenderLaterAsync()
    {
        await Task.Delay(RenderInterval, Time);
        await InvokeAsync(() =>
        {
            renderPending = false;
            StateHasChanged();
        });
    }

    /// <summary>Snapshots can arrive out of order (a read racing an event); the newer one wins.</summary>
    private void Keep(AmbulanceSnapshot unit)
    {
        if (!units.TryGetValue(unit.Id, out var known) || known.Version <= unit.Version)
        {
            units[unit.Id] = unit;
        }
    }

    private void Keep(IncidentSnapshot incident)
    {
        if (!incidents.TryGetValue(incident.Id, out var known) || known.Timeline.Count <= incident.Timeline.Count)
        {
            incidents[incident.Id] = incident;
        }
    }

    private string Age(DateTimeOffset since)
    {
        var age = Time.GetUtcNow() - since;
        return age < TimeSpan.FromMinutes(1) ? $"{Math.Max(0, (int)age.TotalSeconds)} s" : $"{(int)age.TotalMinutes} min";
    }

    private static string Minutes(double seconds) => $"{(int)(seconds / 60)}:{(int)(seconds % 60):00}";

    private bool MayWatch(string hospitalId) => user is not null && Scope.MayWatchHospital(user, hospitalId);

    private static string N(double value) => MapProjection.Number(value);

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        if (clock is not null)
        {
            await clock.DisposeAsync();
        }

        try
        {
            if (mapHandle is not null)
            {
                await mapHandle.InvokeVoidAsync("detach");
                await mapHandle.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; there is nothing left to detach from.
        }

        self?.Dispose();
    }
}
