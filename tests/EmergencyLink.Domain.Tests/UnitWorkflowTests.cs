using EmergencyLink.Domain.Units;
using static EmergencyLink.Domain.Units.UnitStatus;
using static EmergencyLink.Domain.Units.UnitTrigger;

namespace EmergencyLink.Domain.Tests;

public sealed class UnitWorkflowTests
{
    private static readonly Dictionary<(UnitStatus, UnitTrigger), UnitStatus> Permitted = new()
    {
        [(UnitStatus.OutOfService, InService)] = Available,
        [(Available, UnitTrigger.OutOfService)] = UnitStatus.OutOfService,
        [(Available, Return)] = Returning,
        [(Available, UnitTrigger.Dispatch)] = Dispatched,
        [(Returning, InService)] = Available,
        [(Returning, UnitTrigger.OutOfService)] = UnitStatus.OutOfService,
        [(Returning, UnitTrigger.Dispatch)] = Dispatched,
        [(Dispatched, UnitTrigger.EnRoute)] = UnitStatus.EnRoute,
        [(Dispatched, Clear)] = Available,
        [(UnitStatus.EnRoute, UnitTrigger.ArriveScene)] = OnScene,
        [(UnitStatus.EnRoute, Clear)] = Available,
        [(OnScene, UnitTrigger.Transport)] = Transporting,
        [(OnScene, Clear)] = Available,
        [(Transporting, UnitTrigger.ArriveHospital)] = AtHospital,
        [(AtHospital, Clear)] = Available,
    };

    public static TheoryData<UnitStatus, UnitTrigger> EveryStatusAndTrigger()
    {
        var data = new TheoryData<UnitStatus, UnitTrigger>();
        foreach (var status in Enum.GetValues<UnitStatus>())
        {
            foreach (var trigger in Enum.GetValues<UnitTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndTrigger))]
    public void Every_status_and_trigger_is_permitted_or_refused_as_the_table_says(UnitStatus status, UnitTrigger trigger)
    {
        var expected = Permitted.TryGetValue((status, trigger), out var to) ? to : (UnitStatus?)null;

        Assert.Equal(expected, UnitWorkflow.Next(status, trigger));
        Assert.Equal(expected is not null, UnitWorkflow.PermittedTriggers(status).Contains(trigger));
    }

    [Fact]
    public void Only_available_and_returning_units_are_free()
    {
        Assert.Equal([Available, Returning], Enum.GetValues<UnitStatus>().Where(UnitWorkflow.IsFree));
    }

    [Fact]
    public void The_status_names_are_the_APIs()
    {
        Assert.Equal(
            ["OutOfService", "Available", "Dispatched", "EnRoute", "OnScene", "Transporting", "AtHospital", "Returning"],
            Enum.GetNames<UnitStatus>());
    }
}
