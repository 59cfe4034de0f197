using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Units;
using Orleans.Runtime;

namespace EmergencyLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CaseAndUnitTests(ClusterFixture fixture)
{
    private static readonly GeoPoint Scene = new(44.01, -38.02);
    private readonly IGrainFactory grains = fixture.Grains;

    private async Task<string> NewUnitAsync(UnitCapability capability = UnitCapability.ALS)
    {
        var id = "U-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IAmbulanceGrain>(id)
            .RegisterAsync(new AmbulanceRegistration("Medic " + id, capability, "ST01", new GeoPoint(44, -38)));
        return id;
    }

    private async Task<string> NewHospitalAsync()
    {
        var id = "H-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IHospitalGrain>(id).RegisterAsync(new HospitalRegistration(
            "General " + id, new GeoPoint(44.02, -38.01), new HospitalCapabilities(true, false, true, 2, false), 20, 8));
        return id;
    }

    private async Task<string> NewTriagedCaseAsync()
    {
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region)
            .OpenAsync(new NewIncident(Scene, "collapse", 1), "calltaker");
        Assert.Equal(CommandStatus.Created, opened.Status);
        await FireOkAsync(opened.Value!.Id, new CaseCommand(CaseTrigger.Triage));
        return opened.Value.Id;
    }

    private async Task<IncidentSnapshot> FireOkAsync(string incidentId, CaseCommand command)
    {
        var result = await grains.GetGrain<IIncidentGrain>(incidentId).FireAsync(command, "tester");
        Assert.True(result.Succeeded, $"{command.Trigger}: {result.Status} {result.Error}");
        return result.Value!;
    }

    private Task<AmbulanceSnapshot?> UnitAsync(string id) => grains.GetGrain<IAmbulanceGrain>(id).GetAsync();

    [Fact]
    public async Task Case_and_unit_move_together_from_assignment_to_close()
    {
        var unitId = await NewUnitAsync();
        var hospitalId = await NewHospitalAsync();
        var caseId = await NewTriagedCaseAsync();

        (CaseCommand Command, UnitStatus Unit)[] steps =
        [
            (new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId), UnitStatus.Dispatched),
            (new CaseCommand(CaseTrigger.EnRoute), UnitStatus.EnRoute),
            (new CaseCommand(CaseTrigger.ArriveScene), UnitStatus.OnScene),
            (new CaseCommand(CaseTrigger.Transport, HospitalId: hospitalId), UnitStatus.Transporting),
            (new CaseCommand(CaseTrigger.ArriveHospital), UnitStatus.AtHospital),
            (new CaseCommand(CaseTrigger.Handover), UnitStatus.AtHospital),
        ];
        foreach (var (command, expected) in steps)
        {
            var incident = await FireOkAsync(caseId, command);
            var unit = await UnitAsync(unitId);
            Assert.Equal(expected, unit!.Status);
            Assert.Equal(caseId, unit.IncidentId);
            Assert.Equal(unitId, incident.AmbulanceId);
        }

        var closed = await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Close));

        var released = await UnitAsync(unitId);
        Assert.Equal(UnitStatus.Available, released!.Status);
        Assert.Null(released.IncidentId);
        Assert.Equal(CaseState.Closed, closed.State);
        Assert.Equal(9, closed.Timeline.Count);
        var listed = await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).ListUnitsAsync();
        Assert.Equal(UnitStatus.Available, listed.Single(u => u.Id == unitId).Status);
    }

    [Fact]
    public async Task Concurrent_assignment_of_one_unit_to_two_incidents_gives_exactly_one_success()
    {
        var unitId = await NewUnitAsync();
        var first = await NewTriagedCaseAsync();
        var second = await NewTriagedCaseAsync();

        var results = await Task.WhenAll(new[] { first, second }.Select(id =>
            grains.GetGrain<IIncidentGrain>(id).FireAsync(new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId), "d")));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(CommandStatus.Conflict, refused.Status);
        var winner = results.Single(r => r.Succeeded).Value!.Id;
        var loser = winner == first ? second : first;
        Assert.Equal(winner, (await UnitAsync(unitId))!.IncidentId);
        var lost = await grains.GetGrain<IIncidentGrain>(loser).GetAsync();
        Assert.Equal(CaseState.Triaged, lost!.State);
        Assert.Null(lost.AmbulanceId);
    }

    [Fact]
    public async Task Twenty_incidents_racing_for_one_unit_leave_exactly_one_dispatched()
    {
        var unitId = await NewUnitAsync();
        var cases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => NewTriagedCaseAsync()));

        var results = await Task.WhenAll(cases.Select(id =>
            grains.GetGrain<IIncidentGrain>(id).FireAsync(new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId), "d")));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        var states = await Task.WhenAll(cases.Select(id => grains.GetGrain<IIncidentGrain>(id).GetAsync()));
        Assert.Equal(1, states.Count(s => s!.State == CaseState.Dispatched));
    }

    [Fact]
    public async Task Reassign_releases_the_unit_and_another_unit_can_take_the_case()
    {
        var firstUnit = await NewUnitAsync();
        var secondUnit = await NewUnitAsync();
        var caseId = await NewTriagedCaseAsync();
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Assign, AmbulanceId: firstUnit));
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.EnRoute));

        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Reassign, Reason: "closer unit"));
        var reassigned = await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Assign, AmbulanceId: secondUnit));

        Assert.Equal(UnitStatus.Available, (await UnitAsync(firstUnit))!.Status);
        Assert.Null((await UnitAsync(firstUnit))!.IncidentId);
        Assert.Equal(UnitStatus.Dispatched, (await UnitAsync(secondUnit))!.Status);
        Assert.Equal(secondUnit, reassigned.AmbulanceId);
    }

    [Fact]
    public async Task Cancelling_an_assigned_case_frees_its_unit()
    {
        var unitId = await NewUnitAsync();
        var caseId = await NewTriagedCaseAsync();
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId));

        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Cancel, Reason: "caller withdrew"));

        Assert.Equal(UnitStatus.Available, (await UnitAsync(unitId))!.Status);
    }

    [Fact]
    public async Task A_busy_or_out_of_service_unit_cannot_be_assigned()
    {
        var unitId = await NewUnitAsync();
        var busyWith = await NewTriagedCaseAsync();
        var other = await NewTriagedCaseAsync();
        await FireOkAsync(busyWith, new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId));
        var offDuty = await NewUnitAsync();
        Assert.True((await grains.GetGrain<IAmbulanceGrain>(offDuty).SetCrewStatusAsync(UnitStatus.OutOfService, "crew")).Succeeded);

        var busy = await grains.GetGrain<IIncidentGrain>(other).FireAsync(new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId), "d");
        var off = await grains.GetGrain<IIncidentGrain>(other).FireAsync(new CaseCommand(CaseTrigger.Assign, AmbulanceId: offDuty), "d");

        Assert.Equal(CommandStatus.Conflict, busy.Status);
        Assert.Equal(CommandStatus.Conflict, off.Status);
        Assert.Equal(CaseState.Triaged, (await grains.GetGrain<IIncidentGrain>(other).GetAsync())!.State);
    }

    [Fact]
    public async Task A_unit_on_a_case_cannot_go_out_of_service()
    {
        var unitId = await NewUnitAsync();
        var caseId = await NewTriagedCaseAsync();
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId));

        var refused = await grains.GetGrain<IAmbulanceGrain>(unitId).SetCrewStatusAsync(UnitStatus.OutOfService, "crew");

        Assert.Equal(CommandStatus.Conflict, refused.Status);
        Assert.Equal(UnitStatus.Dispatched, (await UnitAsync(unitId))!.Status);
    }

    [Fact]
    public async Task The_destination_hospital_sees_the_case_inbound_until_handover_and_a_diversion_moves_it()
    {
        var unitId = await NewUnitAsync();
        var first = await NewHospitalAsync();
        var second = await NewHospitalAsync();
        var caseId = await NewTriagedCaseAsync();
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Assign, AmbulanceId: unitId));
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.EnRoute));
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.ArriveScene));

        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Transport, HospitalId: first));
        Assert.Equal([caseId], (await grains.GetGrain<IHospitalGrain>(first).GetInboundAsync()).Select(i => i.Id));

        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Divert, HospitalId: second, Reason: "CT down"));
        Assert.Empty(await grains.GetGrain<IHospitalGrain>(first).GetInboundAsync());
        Assert.Equal([caseId], (await grains.GetGrain<IHospitalGrain>(second).GetInboundAsync()).Select(i => i.Id));

        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.ArriveHospital));
        Assert.Equal(CaseState.AtHospital, (await grains.GetGrain<IHospitalGrain>(second).GetInboundAsync()).Single().State);
        await FireOkAsync(caseId, new CaseCommand(CaseTrigger.Handover));
        Assert.Empty(await grains.GetGrain<IHospitalGrain>(second).GetInboundAsync());

        var pushes = fixture.Live.Inbound.Where(p => p.IncidentId == caseId).ToArray();
        Assert.All(pushes, p => Assert.True(p.HospitalId == first || p.HospitalId == second));
        Assert.Contains(pushes, p => p is { Removed: true, HospitalId: var h } && h == first);
    }

    [Fact]
    public async Task A_unit_that_holds_a_case_which_does_not_hold_it_is_released_when_it_next_activates()
    {
        // As after a crash between the unit's write and its case's write: the unit claimed a case that never committed.
        var unitId = await NewUnitAsync();
        var ghost = "INC-GHOST-" + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await grains.GetGrain<IAmbulanceGrain>(unitId).DispatchAsync(ghost, "d")).Succeeded);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var unit = await UnitAsync(unitId);
        Assert.Equal(UnitStatus.Available, unit!.Status);
        Assert.Null(unit.IncidentId);
    }

    [Fact]
    public async Task A_busy_unit_whose_case_does_not_hold_it_is_released_once_its_claim_is_older_than_the_grace()
    {
        var unitId = await NewUnitAsync();
        var ghost = "INC-GHOST-" + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await grains.GetGrain<IAmbulanceGrain>(unitId).DispatchAsync(ghost, "d")).Succeeded);

        // Within the grace the claim may belong to a case that is still committing: left alone.
        await Task.Delay(400);
        Assert.Equal(ghost, (await UnitAsync(unitId))!.IncidentId);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await UnitAsync(unitId))!.IncidentId is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Null((await UnitAsync(unitId))!.IncidentId);
        Assert.Equal(UnitStatus.Available, (await UnitAsync(unitId))!.Status);
    }

    [Fact]
    public async Task The_registry_lists_open_cases_and_keeps_ended_ones_apart()
    {
        var open = await NewTriagedCaseAsync();
        var ended = await NewTriagedCaseAsync();
        await FireOkAsync(ended, new CaseCommand(CaseTrigger.Cancel));
        var registry = grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region);

        var openOnly = await registry.ListAsync(openOnly: true);
        var all = await registry.ListAsync(openOnly: false);

        Assert.Contains(openOnly, i => i.Id == open);
        Assert.DoesNotContain(openOnly, i => i.Id == ended);
        Assert.Contains(all, i => i.Id == ended && i.State == CaseState.Cancelled);
    }

    [Fact]
    public async Task Recommendations_rank_free_units_nearest_first()
    {
        var near = "U-NEAR-" + Guid.NewGuid().ToString("N")[..6];
        var far = "U-FAR-" + Guid.NewGuid().ToString("N")[..6];
        var scene = new GeoPoint(10.0, 10.0);
        await grains.GetGrain<IAmbulanceGrain>(near).RegisterAsync(new AmbulanceRegistration("Near", UnitCapability.ALS, "ST01", new GeoPoint(10.001, 10.0)));
        await grains.GetGrain<IAmbulanceGrain>(far).RegisterAsync(new AmbulanceRegistration("Far", UnitCapability.ALS, "ST01", new GeoPoint(10.02, 10.0)));

        var ranked = (await grains.GetGrain<IDispatchGrain>(GrainKeys.Region).RecommendAsync(scene, 1, 2, explain: false)).Ranked;

        Assert.Equal([near, far], ranked.Select(r => r.AmbulanceId));
        Assert.True(ranked[0].EtaSeconds < ranked[1].EtaSeconds);
    }
}
