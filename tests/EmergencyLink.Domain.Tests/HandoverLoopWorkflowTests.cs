using EmergencyLink.Domain.Handover;
using static EmergencyLink.Domain.Handover.HandoverLoopState;
using static EmergencyLink.Domain.Handover.HandoverLoopTrigger;

namespace EmergencyLink.Domain.Tests;

public sealed class HandoverLoopWorkflowTests
{
    /// <summary>The closed loop of issue 6 written out by hand: every permitted (state, trigger) and where it leads.</summary>
    private static readonly Dictionary<(HandoverLoopState, HandoverLoopTrigger), HandoverLoopState> Permitted = new()
    {
        [(PreAlertSent, SendPreAlert)] = PreAlertSent,
        [(PreAlertSent, AcknowledgePreAlert)] = PreAlertAcknowledged,
        [(PreAlertSent, Escalate)] = PreAlertSent,
        [(PreAlertSent, ArriveHospital)] = Arrived,
        [(PreAlertSent, Divert)] = Redirected,
        [(PreAlertSent, HandoverLoopTrigger.Cancel)] = Cancelled,
        [(PreAlertAcknowledged, SendPreAlert)] = PreAlertSent,
        [(PreAlertAcknowledged, ArriveHospital)] = Arrived,
        [(PreAlertAcknowledged, Divert)] = Redirected,
        [(PreAlertAcknowledged, HandoverLoopTrigger.Cancel)] = Cancelled,
        [(Arrived, HandoverLoopTrigger.Handover)] = TransferOfCare,
        [(TransferOfCare, AcknowledgeTransfer)] = TransferAcknowledged,
        [(Redirected, AcknowledgeRedirect)] = RedirectAcknowledged,
        [(Cancelled, AcknowledgeCancel)] = CancelAcknowledged,
    };

    public static TheoryData<HandoverLoopState, HandoverLoopTrigger> EveryStateAndTrigger()
    {
        var data = new TheoryData<HandoverLoopState, HandoverLoopTrigger>();
        foreach (var state in Enum.GetValues<HandoverLoopState>())
        {
            foreach (var trigger in Enum.GetValues<HandoverLoopTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTrigger))]
    public void Every_state_and_trigger_is_permitted_or_refused_as_the_table_says(HandoverLoopState state, HandoverLoopTrigger trigger)
    {
        var expected = Permitted.TryGetValue((state, trigger), out var to) ? to : (HandoverLoopState?)null;

        Assert.Equal(expected, HandoverLoopWorkflow.Next(state, trigger));
        Assert.Equal(expected is not null, HandoverLoopWorkflow.PermittedTriggers(state).Contains(trigger));
    }

    [Fact]
    public void The_acknowledged_ends_permit_nothing()
    {
        foreach (var state in new[] { TransferAcknowledged, RedirectAcknowledged, CancelAcknowledged })
        {
            Assert.Empty(HandoverLoopWorkflow.PermittedTriggers(state));
            Assert.True(HandoverLoopWorkflow.IsTerminal(state));
        }
    }

    [Fact]
    public void The_state_and_trigger_names_are_the_APIs()
    {
        Assert.Equal(
            ["PreAlertSent", "PreAlertAcknowledged", "Arrived", "TransferOfCare", "TransferAcknowledged", "Redirected",
                "RedirectAcknowledged", "Cancelled", "CancelAcknowledged"],
            Enum.GetNames<HandoverLoopState>());
        Assert.Equal(
            ["SendPreAlert", "AcknowledgePreAlert", "Escalate", "ArriveHospital", "Handover", "AcknowledgeTransfer", "Divert",
                "AcknowledgeRedirect", "Cancel", "AcknowledgeCancel"],
            Enum.GetNames<HandoverLoopTrigger>());
    }
}
