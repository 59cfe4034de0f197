using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Tests;

public sealed class IncidentCaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static IncidentRecord NewCase() =>
        IncidentCase.Open("INC-000001", new NewIncident(new GeoPoint(44, -38), "chest pain", 2), "calltaker", T0);

    [Fact]
    public void Opening_a_case_stamps_the_call_as_the_first_timeline_entry()
    {
        var record = NewCase();

        Assert.Equal(CaseState.Received, record.State);
        var entry = Assert.Single(record.Timeline);
        Assert.Equal((1, T0, "calltaker", (CaseTrigger?)null, CaseState.Received), (entry.Sequence, entry.At, entry.Actor, entry.Trigger, entry.To));
    }

    [Fact]
    public void The_whole_lifecycle_stamps_one_entry_per_step_with_actor_and_time()
    {
        var record = NewCase();
        CaseCommand[] steps =
        [
            new(CaseTrigger.Triage, Priority: 1),
            new(CaseTrigger.Assign, AmbulanceId: "A01"),
            new(CaseTrigger.EnRoute),
            new(CaseTrigger.ArriveScene),
            new(CaseTrigger.Transport, HospitalId: "H1"),
            new(CaseTrigger.Divert, HospitalId: "H2", Reason: "cath lab busy"),
            new(CaseTrigger.ArriveHospital),
            new(CaseTrigger.Handover),
            new(CaseTrigger.Close),
        ];

        for (var i = 0; i < steps.Length; i++)
        {
            var outcome = IncidentCase.Apply(record, steps[i], $"user{i}", T0.AddMinutes(i + 1));
            Assert.True(outcome.Accepted, outcome.Error);
        }

        Assert.Equal(CaseState.Closed, record.State);
        Assert.Equal(1, record.Priority);
        Assert.Equal("A01", record.AmbulanceId);
        Assert.Equal("H2", record.HospitalId);
        Assert.Equal(steps.Length + 1, record.Timeline.Count);
        Assert.Equal(Enumerable.Range(1, steps.Length + 1), record.Timeline.Select(e => e.Sequence));
        Assert.Equal(steps.Select(s => (CaseTrigger?)s.Trigger), record.Timeline.Skip(1).Select(e => e.Trigger));
        Assert.Equal("user5", record.Timeline[6].Actor);
        Assert.Equal(T0.AddMinutes(6), record.Timeline[6].At);
        Assert.Equal("destination H1 -> H2; cath lab busy", record.Timeline[6].Detail);
    }

    [Fact]
    public void A_refused_trigger_changes_nothing_and_lists_what_is_permitted()
    {
        var record = NewCase();

        var outcome = IncidentCase.Apply(record, new CaseCommand(CaseTrigger.Handover), "x", T0);

        Assert.Equal(TransitionOutcomeKind.NotPermitted, outcome.Kind);
        Assert.Equal([CaseTrigger.Triage, CaseTrigger.Cancel], outcome.PermittedTriggers);
        Assert.Equal(CaseState.Received, record.State);
        Assert.Single(record.Timeline);
    }

    [Theory]
    [InlineData(CaseTrigger.Assign)]
    [InlineData(CaseTrigger.Transport)]
    [InlineData(CaseTrigger.NoTransport)]
    public void A_permitted_trigger_without_its_argument_is_invalid_and_changes_nothing(CaseTrigger trigger)
    {
        var record = NewCase();
        var path = trigger switch
        {
            CaseTrigger.Assign => new[] { new CaseCommand(CaseTrigger.Triage) },
            _ =>
            [
                new CaseCommand(CaseTrigger.Triage), new CaseCommand(CaseTrigger.Assign, AmbulanceId: "A01"),
                new CaseCommand(CaseTrigger.EnRoute), new CaseCommand(CaseTrigger.ArriveScene),
            ],
        };
        foreach (var step in path)
        {
            Assert.True(IncidentCase.Apply(record, step, "x", T0).Accepted);
        }

        var before = (record.State, record.Timeline.Count);
        var outcome = IncidentCase.Apply(record, new CaseCommand(trigger), "x", T0);

        Assert.Equal(TransitionOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(before, (record.State, record.Timeline.Count));
    }

    [Fact]
    public void Triage_with_a_priority_outside_1_to_4_is_invalid()
    {
        var record = NewCase();

        Assert.Equal(TransitionOutcomeKind.Invalid, IncidentCase.Apply(record, new CaseCommand(CaseTrigger.Triage, Priority: 5), "x", T0).Kind);
        Assert.Equal(2, record.Priority);
    }

    [Fact]
    public void Reassign_releases_the_unit_and_the_timeline_keeps_who_it_was()
    {
        var record = NewCase();
        IncidentCase.Apply(record, new CaseCommand(CaseTrigger.Triage), "d", T0);
        IncidentCase.Apply(record, new CaseCommand(CaseTrigger.Assign, AmbulanceId: "A07"), "d", T0);

        var outcome = IncidentCase.Apply(record, new CaseCommand(CaseTrigger.Reassign, Reason: "closer unit"), "d", T0);

        Assert.True(outcome.Accepted);
        Assert.Equal(CaseState.Triaged, record.State);
        Assert.Null(record.AmbulanceId);
        Assert.Equal("unit A07 released; closer unit", record.Timeline[^1].Detail);
    }

    [Fact]
    public void Diverting_to_the_current_destination_is_invalid()
    {
        var record = NewCase();
        foreach (var step in new CaseCommand[]
                 {
                     new(CaseTrigger.Triage), new(CaseTrigger.Assign, AmbulanceId: "A01"), new(CaseTrigger.EnRoute),
                     new(CaseTrigger.ArriveScene), new(CaseTrigger.Transport, HospitalId: "H1"),
                 })
        {
            IncidentCase.Apply(record, step, "x", T0);
        }

        Assert.Equal(TransitionOutcomeKind.Invalid, IncidentCase.Apply(record, new CaseCommand(CaseTrigger.Divert, HospitalId: "H1"), "x", T0).Kind);
    }
}
