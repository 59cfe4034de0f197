using EmergencyLink.Domain.Cases;
using static EmergencyLink.Domain.Cases.CaseState;
using static EmergencyLink.Domain.Cases.CaseTrigger;

namespace EmergencyLink.Domain.Tests;

public sealed class CaseWorkflowTests
{
    /// <summary>DESIGN.md's case lifecycle written out by hand: every permitted (state, trigger) and where it leads.</summary>
    private static readonly Dictionary<(CaseState, CaseTrigger), CaseState> Permitted = new()
    {
        [(Received, Triage)] = Triaged,
        [(Received, Cancel)] = Cancelled,
        [(Triaged, Assign)] = Dispatched,
        [(Triaged, Cancel)] = Cancelled,
        [(Dispatched, CaseTrigger.EnRoute)] = CaseState.EnRoute,
        [(Dispatched, Reassign)] = Triaged,
        [(Dispatched, Cancel)] = Cancelled,
        [(CaseState.EnRoute, ArriveScene)] = OnScene,
        [(CaseState.EnRoute, Reassign)] = Triaged,
        [(CaseState.EnRoute, Cancel)] = Cancelled,
        [(OnScene, Transport)] = Transporting,
        [(OnScene, NoTransport)] = Closed,
        [(OnScene, Cancel)] = Cancelled,
        [(Transporting, ArriveHospital)] = AtHospital,
        [(Transporting, Divert)] = Transporting,
        [(AtHospital, CaseTrigger.Handover)] = HandedOver,
        [(HandedOver, Close)] = Closed,
    };

    public static TheoryData<CaseState, CaseTrigger> EveryStateAndTrigger()
    {
        var data = new TheoryData<CaseState, CaseTrigger>();
        foreach (var state in Enum.GetValues<CaseState>())
        {
            foreach (var trigger in Enum.GetValues<CaseTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTrigger))]
    public void Every_state_and_trigger_is_permitted_or_refused_as_the_table_says(CaseState state, CaseTrigger trigger)
    {
        var expected = Permitted.TryGetValue((state, trigger), out var to) ? to : (CaseState?)null;

        Assert.Equal(expected, CaseWorkflow.Next(state, trigger));
        Assert.Equal(expected is not null, CaseWorkflow.PermittedTriggers(state).Contains(trigger));
    }

    [Fact]
    public void Closed_and_cancelled_cases_permit_nothing()
    {
        Assert.Empty(CaseWorkflow.PermittedTriggers(Closed));
        Assert.Empty(CaseWorkflow.PermittedTriggers(Cancelled));
    }

    [Fact]
    public void The_state_and_trigger_names_are_the_APIs()
    {
        Assert.Equal(
            ["Received", "Triaged", "Dispatched", "EnRoute", "OnScene", "Transporting", "AtHospital", "HandedOver", "Closed", "Cancelled"],
            Enum.GetNames<CaseState>());
        Assert.Equal(
            ["Triage", "Assign", "EnRoute", "ArriveScene", "Transport", "ArriveHospital", "Handover", "Close", "Cancel", "Reassign", "Divert", "NoTransport"],
            Enum.GetNames<CaseTrigger>());
    }
}
