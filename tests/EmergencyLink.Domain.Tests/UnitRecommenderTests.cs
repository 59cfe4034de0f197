using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain.Tests;

public sealed class UnitRecommenderTests
{
    private static UnitCandidate Unit(string id, UnitCapability capability, UnitStatus status = UnitStatus.Available) =>
        new(id, "Medic " + id, capability, status, new GeoPoint(44, -38));

    [Fact]
    public void Units_are_ranked_by_eta_then_distance_then_id()
    {
        UnitCandidate[] units = [Unit("A3", UnitCapability.BLS), Unit("A1", UnitCapability.BLS), Unit("A2", UnitCapability.BLS), Unit("A4", UnitCapability.BLS)];
        TravelEstimate?[] etas = [new(300, 4000), new(120, 1500), new(300, 3900), new(300, 3900)];

        var ranked = UnitRecommender.Rank(3, units, etas, 10);

        Assert.Equal(["A1", "A2", "A4", "A3"], ranked.Select(r => r.AmbulanceId));
    }

    [Fact]
    public void Busy_out_of_service_and_unreachable_units_are_not_offered()
    {
        UnitCandidate[] units =
        [
            Unit("A1", UnitCapability.ALS, UnitStatus.Dispatched), Unit("A2", UnitCapability.ALS, UnitStatus.OutOfService),
            Unit("A3", UnitCapability.ALS, UnitStatus.Returning), Unit("A4", UnitCapability.ALS),
        ];
        TravelEstimate?[] etas = [new(10, 10), new(10, 10), new(200, 2000), null];

        Assert.Equal(["A3"], UnitRecommender.Rank(2, units, etas, 10).Select(r => r.AmbulanceId));
    }

    [Fact]
    public void Priority_1_gets_ALS_units_only_when_any_ALS_unit_can_come()
    {
        UnitCandidate[] units = [Unit("B1", UnitCapability.BLS), Unit("A1", UnitCapability.ALS)];
        TravelEstimate?[] etas = [new(60, 500), new(600, 8000)];

        Assert.Equal(["A1"], UnitRecommender.Rank(1, units, etas, 10).Select(r => r.AmbulanceId));
        Assert.Equal(["B1", "A1"], UnitRecommender.Rank(2, units, etas, 10).Select(r => r.AmbulanceId));
    }

    [Fact]
    public void Priority_1_falls_back_to_BLS_when_no_ALS_unit_is_free()
    {
        UnitCandidate[] units = [Unit("B1", UnitCapability.BLS), Unit("A1", UnitCapability.ALS, UnitStatus.OnScene)];
        TravelEstimate?[] etas = [new(60, 500), new(600, 8000)];

        Assert.Equal(["B1"], UnitRecommender.Rank(1, units, etas, 10).Select(r => r.AmbulanceId));
    }

    [Fact]
    public void The_limit_caps_the_list()
    {
        UnitCandidate[] units = [Unit("A1", UnitCapability.ALS), Unit("A2", UnitCapability.ALS), Unit("A3", UnitCapability.ALS)];
        TravelEstimate?[] etas = [new(1, 1), new(2, 2), new(3, 3)];

        Assert.Equal(2, UnitRecommender.Rank(3, units, etas, 2).Count);
    }

    [Fact]
    public void Every_unit_left_out_is_listed_with_its_reason_and_eta()
    {
        UnitCandidate[] units =
        [
            Unit("busy", UnitCapability.ALS, UnitStatus.OnScene), Unit("off", UnitCapability.ALS, UnitStatus.OutOfService),
            Unit("bls", UnitCapability.BLS), Unit("island", UnitCapability.ALS), Unit("als", UnitCapability.ALS),
        ];
        TravelEstimate?[] etas = [new(60, 500), new(70, 600), new(80, 700), null, new(300, 3000)];

        var ranking = UnitRecommender.Explain(1, units, etas, 5);

        Assert.Equal(["als"], ranking.Ranked.Select(r => r.AmbulanceId));
        Assert.Equal(
            [("busy", "busy (OnScene)", (double?)60), ("off", "out of service", 70), ("bls", "priority 1 needs ALS", 80), ("island", "cannot reach the scene by road", null)],
            ranking.Excluded.Select(e => (e.AmbulanceId, e.Reason, e.EtaSeconds)));
    }
}
