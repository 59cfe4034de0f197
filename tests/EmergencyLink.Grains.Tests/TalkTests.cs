using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Hospitals;
using EmergencyLink.Domain.Messaging;

namespace EmergencyLink.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TalkTests(ClusterFixture fixture)
{
    private readonly IGrainFactory grains = fixture.Grains;

    [Fact]
    public async Task Messages_and_marks_are_pushed_to_the_case_unit_and_destination_and_read_back_after_the_case_reactivates()
    {
        var (id, unitId, hospitalId) = await TransportingCaseAsync();
        var incident = grains.GetGrain<IIncidentGrain>(id);

        var message = await incident.PostMessageAsync(new NewCaseMessage(MessageSide.Ed, hospitalId, null, QuickReply.CathLabActivated), "dr Lee");
        var mark = await incident.MarkGuidanceAsync(
            new NewGuidanceMark("ultrasound", 42, GuidanceShape.Circle, [new GuidancePoint(0.5, 0.5), new GuidancePoint(0.6, 0.5)], "gallbladder"),
            hospitalId, "dr Lee");
        var refused = await incident.MarkGuidanceAsync(new NewGuidanceMark("ecg", 42, GuidanceShape.Point, [new GuidancePoint(0.5, 0.5)]), hospitalId, "dr Lee");

        Assert.Equal(CommandStatus.Created, message.Status);
        Assert.Equal(CommandStatus.Created, mark.Status);
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains(fixture.Live.Messages, m => m.IncidentId == id && m.AmbulanceId == unitId && m.HospitalId == hospitalId && m.Message.Text == "Cath lab activated");
        Assert.Contains(fixture.Live.Guidance, g => g.IncidentId == id && g.AmbulanceId == unitId && g.Mark.Sequence == 42 && g.Mark.Points.Count == 2);

        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var reloaded = (await incident.GetAsync())!;
        Assert.Equal("M1", Assert.Single(reloaded.Messages).Id);
        var kept = Assert.Single(reloaded.Guidance);
        Assert.Equal(("G1", GuidanceShape.Circle, "gallbladder", hospitalId), (kept.Id, kept.Shape, kept.Text, kept.HospitalId));
        Assert.Equal([new GuidancePoint(0.5, 0.5), new GuidancePoint(0.6, 0.5)], kept.Points);
        Assert.Equal(["G1"], (await incident.GetGuidanceAsync())!.Select(g => g.Id));
        Assert.Equal([TimelineEvent.Message, TimelineEvent.Guidance], reloaded.Timeline.Where(e => e.Event is not null).Select(e => e.Event!.Value));
    }

    private async Task<(string Id, string UnitId, string HospitalId)> TransportingCaseAsync()
    {
        var hospitalId = "H-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IHospitalGrain>(hospitalId).RegisterAsync(new HospitalRegistration(
            "General " + hospitalId, new GeoPoint(44.02, -38.01), new HospitalCapabilities(true, false, true, 2, false), 20, 8));
        var unitId = "U-" + Guid.NewGuid().ToString("N")[..8];
        await grains.GetGrain<IAmbulanceGrain>(unitId)
            .RegisterAsync(new AmbulanceRegistration("Medic " + unitId, Domain.Units.UnitCapability.ALS, "ST01", new GeoPoint(44, -38)));
        var opened = await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region)
            .OpenAsync(new NewIncident(new GeoPoint(44.01, -38.02), "chest pain", 1), "calltaker");
        var id = opened.Value!.Id;
        foreach (var command in new CaseCommand[]
        {
            new(CaseTrigger.Triage), new(CaseTrigger.Assign, AmbulanceId: unitId), new(CaseTrigger.EnRoute), new(CaseTrigger.ArriveScene),
            new(CaseTrigger.Transport, HospitalId: hospitalId),
        })
        {
            var result = await grains.GetGrain<IIncidentGrain>(id).FireAsync(command, "dispatcher");
            Assert.True(result.Succeeded, $"{command.Trigger}: {result.Status} {result.Error}");
        }

        return (id, unitId, hospitalId);
    }
}
