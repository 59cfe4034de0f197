using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Tests;

public sealed class CaseUnitLinkTests
{
    /// <summary>
    /// Walks every case state reachable from Received with a unit that starts Available, firing each case trigger
    /// and the unit trigger that follows it; the unit's machine must permit every step, and the unit must end in
    /// the status its case state implies (or Available once released).
    /// </summary>
    [Fact]
    public void Case_and_unit_move_together_along_every_reachable_path()
    {
        var seen = new HashSet<(CaseState, UnitStatus)>();
        var queue = new Queue<(CaseState Case, UnitStatus Unit, bool HasUnit)>();
        queue.Enqueue((CaseState.Received, UnitStatus.Available, false));
        while (queue.TryDequeue(out var at))
        {
            if (!seen.Add((at.Case, at.Unit)))
            {
                continue;
            }

            foreach (var trigger in CaseWorkflow.PermittedTriggers(at.Case))
            {
                var nextCase = CaseWorkflow.Next(at.Case, trigger)!.Value;
                var unit = at.Unit;
                var hasUnit = at.HasUnit || trigger == CaseTrigger.Assign;
                if (hasUnit && CaseUnitLink.UnitTriggerFor(trigger, at.Case) is { } unitTrigger)
                {
                    var next = UnitWorkflow.Next(unit, unitTrigger);
                    Assert.True(next is not null, $"{trigger} from {at.Case}: unit cannot {unitTrigger} from {unit}");
                    unit = next!.Value;
                }

                hasUnit = hasUnit && CaseWorkflow.HoldsUnit(nextCase);
                var expected = hasUnit ? CaseUnitLink.UnitStatusFor(nextCase)!.Value : UnitStatus.Available;
                Assert.True(expected == unit, $"{trigger} from {at.Case} left the unit {unit}, expected {expected}");
                queue.Enqueue((nextCase, unit, hasUnit));
            }
        }

        Assert.Contains(seen, s => s.Item1 == CaseState.Closed);
        Assert.Contains(seen, s => s.Item1 == CaseState.Cancelled);
    }

    [Theory]
    [InlineData(UnitStatus.EnRoute, CaseTrigger.EnRoute)]
    [InlineData(UnitStatus.OnScene, CaseTrigger.ArriveScene)]
    [InlineData(UnitStatus.AtHospital, CaseTrigger.ArriveHospital)]
    public void A_crews_case_status_stands_for_the_case_trigger(UnitStatus status, CaseTrigger trigger) =>
        Assert.Equal(trigger, CaseUnitLink.CaseTriggerForCrewStatus(status));

    [Fact]
    public void Crews_set_only_available_out_of_service_and_returning_directly()
    {
        var direct = Enum.GetValues<UnitStatus>().Where(s => CaseUnitLink.UnitTriggerForCrewStatus(s) is not null);

        Assert.Equal([UnitStatus.OutOfService, UnitStatus.Available, UnitStatus.Returning], direct);
    }
}
