using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Demo;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Domain.Units;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Server.Seeding;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Demo;

/// <summary>
/// Plays one demo case from the call to its close, as the people would, through the same grains and rules: the
/// dispatcher triages and assigns the recommended unit, the crew drives, treats, documents, streams the patient and
/// takes them to the recommended hospital, the ED takes the handover. Each turn reads the case and does the step its
/// state calls for, so a person may act on a demo case at any time (assign it, advance it, cancel it) and the demo
/// follows from wherever the case then is.
/// </summary>
public sealed class DemoCaseRunner(
    IGrainFactory grains,
    ITelemetryArchive archive,
    RegionCatalog region,
    ITravelTimeEstimator router,
    DemoDriver driver,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoCaseRunner> logger)
{
    /// <summary>Pause before looking again when a step could not be taken (no free unit, a person acting at the same time).</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    public static double Scale(DemoOptions demo) => demo.TimeScale is > 0 and < 1_000 ? demo.TimeScale : 1;

    public async Task RunAsync(string caseId, DemoCall call, CancellationToken stop)
    {
        var demo = options.Value;
        var scale = Scale(demo);
        var random = new Random(HashCode.Combine(demo.Seed ?? Random.Shared.Next(), caseId));
        var incidents = grains.GetGrain<IIncidentGrain>(caseId);
        DemoPatientStream? stream = null;
        var documented = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var incident = await incidents.GetAsync();
                if (incident is null || incident.State is CaseState.Closed or CaseState.Cancelled)
                {
                    if (stream is not null)
                    {
                        await stream.DisposeAsync();
                        stream = null;
                    }

                    if (incident?.AmbulanceId is { } last)
                    {
                        await ReturnToStationAsync(last, stop);
                    }

                    return;
                }

                var unit = incident.AmbulanceId;

                // The patient is monitored from the crew's arrival until the unit reaches the hospital.
                var monitored = incident.State is CaseState.OnScene or CaseState.Transporting && unit is not null;
                if (!monitored && stream is not null)
                {
                    await stream.DisposeAsync();
                    stream = null;
                }
                else if (monitored && stream is null)
                {
                    stream = new DemoPatientStream(grains, archive, unit!, caseId,
                        new SyntheticFeed(SyntheticScenarios.Create(call.Kind.Scenario, random.Next(), demo.EcgRateHz)), time, logger, stop,
                        demo.UltrasoundKbps > 0 && demo.UltrasoundFps > 0 ? new SyntheticVideo(demo.UltrasoundKbps, demo.UltrasoundFps, new Random(random.Next())) : null);
                }

                var done = incident.State switch
                {
                    CaseState.Received => await AfterAsync(demo.DispatchDelay / scale, () => FireAsync(incident, new CaseCommand(CaseTrigger.Triage), DemoActors.Dispatcher), stop),
                    CaseState.Triaged => await AssignRecommendedAsync(incident),
                    CaseState.Dispatched => await AfterAsync(demo.TurnOut / scale, () => FireAsync(incident, new CaseCommand(CaseTrigger.EnRoute), DemoActors.Crew(unit!)), stop),
                    CaseState.EnRoute => await driver.DriveAsync(caseId, unit!, incident.Location, CaseState.EnRoute, scale, stop)
                        && await FireAsync(incident, new CaseCommand(CaseTrigger.ArriveScene), DemoActors.Crew(unit!)),
                    CaseState.OnScene => await OnSceneAsync(incident, call, random, documented, stop),
                    CaseState.Transporting => await TransportAsync(incident, stop),
                    CaseState.AtHospital => await AfterAsync(demo.HandoverAfter / scale, () => HandOverAsync(incident), stop),
                    CaseState.HandedOver => await FireAsync(incident, new CaseCommand(CaseTrigger.Close), DemoActors.Crew(unit!)),
                    _ => false,
                };

                documented |= incident.State == CaseState.OnScene;
                if (!done)
                {
                    await Task.Delay(Retry, time, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Demo case {Case} stopped after an error; it is left as it stands", caseId);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A unit the case released drives back to its station as Returning (free to be sent on the way), then reports
    /// Available there; a dispatch on the way ends the drive and the new case takes the unit.
    /// </summary>
    private async Task ReturnToStationAsync(string unitId, CancellationToken stop)
    {
        var unit = grains.GetGrain<IAmbulanceGrain>(unitId);
        var crew = DemoActors.Crew(unitId);
        if (await unit.GetAsync() is not { Status: UnitStatus.Available, IncidentId: null } snapshot
            || region.Map.Stations.FirstOrDefault(s => s.Id == snapshot.StationId) is not { } station
            || station.Location.DistanceMetersTo(snapshot.Location) < 50
            || !(await unit.SetCrewStatusAsync(UnitStatus.Returning, crew)).Succeeded)
        {
            return;
        }

        var home = await driver.DriveAsync(unitId, station.Location, Scale(options.Value),
            async () => (await unit.GetAsync())?.Status == UnitStatus.Returning, stop);
        if (home && (await unit.GetAsync())?.Status == UnitStatus.Returning)
        {
            await unit.SetCrewStatusAsync(UnitStatus.Available, crew);
        }
    }

    private async Task<bool> AfterAsync(TimeSpan wait, Func<Task<bool>> step, CancellationToken stop)
    {
        await Task.Delay(wait, time, stop);
        return await step();
    }

    /// <summary>The dispatcher bot takes the first unit the recommendation ranks, as the API's recommendation shows it.</summary>
    private async Task<bool> AssignRecommendedAsync(IncidentSnapshot incident)
    {
        var ranking = await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).RecommendAsync(incident.Location, incident.Priority, 1, false);
        if (ranking.Ranked.Count == 0)
        {
            logger.LogInformation("Demo case {Case}: no free unit yet", incident.Id);
            return false;
        }

        return await FireAsync(incident, new CaseCommand(CaseTrigger.Assign, AmbulanceId: ranking.Ranked[0].AmbulanceId), DemoActors.Dispatcher);
    }

    /// <summary>Documents the patient once, stays a while, then transports to the recommended hospital or releases the patient.</summary>
    private async Task<bool> OnSceneAsync(IncidentSnapshot incident, DemoCall call, Random random, bool documented, CancellationToken stop)
    {
        var crew = DemoActors.Crew(incident.AmbulanceId!);
        var grain = grains.GetGrain<IIncidentGrain>(incident.Id);
        if (!documented)
        {
            foreach (var entry in DemoDocumentation.For(call, random))
            {
                var written = await grain.DocumentAsync(entry, crew);
                if (!written.Succeeded)
                {
                    logger.LogWarning("Demo case {Case}: {Kind} entry refused: {Error}", incident.Id, entry.Kind, written.Error);
                }
            }
        }

        await Task.Delay(options.Value.OnScene / Scale(options.Value), time, stop);
        var now = await grain.GetAsync();
        if (now?.State != CaseState.OnScene)
        {
            return true;
        }

        if (!call.Transport)
        {
            var disposition = random.Next(2) == 0 ? NoTransportDisposition.TreatedAndReleased : NoTransportDisposition.PatientRefused;
            return await FireAsync(now, new CaseCommand(CaseTrigger.NoTransport, Disposition: disposition), crew);
        }

        var destination = await RecommendedHospitalAsync(now, call.Kind.Diagnosis);
        if (destination is null)
        {
            logger.LogWarning("Demo case {Case}: no hospital to take the patient to", now.Id);
            return false;
        }

        if (!await FireAsync(now, new CaseCommand(CaseTrigger.Transport, HospitalId: destination), crew))
        {
            return false;
        }

        var alerted = await grain.SendPreAlertAsync(destination, $"{call.Kind.Complaint}; priority {now.Priority}", crew);
        if (!alerted.Succeeded)
        {
            logger.LogInformation("Demo case {Case}: pre-alert not sent: {Error}", now.Id, alerted.Error);
        }

        return true;
    }

    private async Task<bool> TransportAsync(IncidentSnapshot incident, CancellationToken stop)
    {
        if (incident.HospitalId is not { } hospitalId || await grains.GetGrain<IHospitalGrain>(hospitalId).GetAsync() is not { } hospital)
        {
            return false;
        }

        return await driver.DriveAsync(incident.Id, incident.AmbulanceId!, hospital.Location, CaseState.Transporting, Scale(options.Value), stop)
            && await FireAsync(incident, new CaseCommand(CaseTrigger.ArriveHospital), DemoActors.Crew(incident.AmbulanceId!));
    }

    /// <summary>The ED acknowledges the pre-alert if it still waits, then records the transfer of care.</summary>
    private async Task<bool> HandOverAsync(IncidentSnapshot incident)
    {
        var ed = DemoActors.Ed(incident.HospitalId!);
        var grain = grains.GetGrain<IIncidentGrain>(incident.Id);
        var acknowledged = await grain.AcknowledgeHandoverLoopAsync(incident.HospitalId!, null, ed);
        if (!acknowledged.Succeeded)
        {
            logger.LogDebug("Demo case {Case}: nothing for the ED to acknowledge: {Error}", incident.Id, acknowledged.Error);
        }

        return await FireAsync(incident, new CaseCommand(CaseTrigger.Handover), ed);
    }

    /// <summary>
    /// The destination as <c>GET /api/incidents/{id}/destinations</c> ranks it: the crew's working diagnosis, or without
    /// one the diagnosis the case's alerts imply (a STEMI the ECG found sends the patient to a PCI centre).
    /// </summary>
    private async Task<string?> RecommendedHospitalAsync(IncidentSnapshot incident, WorkingDiagnosis diagnosis)
    {
        var from = incident.AmbulanceId is { } unitId && await grains.GetGrain<IAmbulanceGrain>(unitId).GetAsync() is { } unit
            ? unit.Location
            : incident.Location;
        var hospitals = (await Task.WhenAll(region.HospitalIds.Select(h => grains.GetGrain<IHospitalGrain>(h).GetAsync())))
            .OfType<HospitalSnapshot>()
            .Select(h => new HospitalOption(h.Id, h.Name, h.Capabilities, h.Diversion, h.EdBedsFree, router.EstimateToScene([from], h.Location)[0]))
            .ToArray();
        var working = diagnosis == WorkingDiagnosis.General ? AlertedDiagnosis.From(incident.Alerts).Diagnosis : diagnosis;
        var ranked = DestinationRules.Rank(working, hospitals);
        return (ranked.FirstOrDefault(r => r.Recommended) ?? ranked.FirstOrDefault())?.HospitalId;
    }

    private async Task<bool> FireAsync(IncidentSnapshot incident, CaseCommand command, string actor)
    {
        var fired = await grains.GetGrain<IIncidentGrain>(incident.Id).FireAsync(command, actor);
        if (!fired.Succeeded)
        {
            // Usually a person acted first; the next turn reads the case as it now is.
            logger.LogInformation("Demo case {Case}: {Trigger} by {Actor} not taken: {Error}", incident.Id, command.Trigger, actor, fired.Error);
        }

        return fired.Succeeded;
    }
}
