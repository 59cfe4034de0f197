using System.Globalization;
using EmergencyLink.Consoles.Ed;

namespace EmergencyLink.Consoles.Tests;

public sealed class RoadEtaTests
{
    [Fact]
    public void The_road_eta_counts_down_from_its_measurement_and_stops_at_zero()
    {
        var at = DateTimeOffset.Parse("2026-12-07T12:00:00Z", CultureInfo.InvariantCulture);
        var eta = new RoadEta(300, at);

        Assert.Equal(300, eta.RemainingAt(at));
        Assert.Equal(240, eta.RemainingAt(at.AddMinutes(1)));
        Assert.Equal(0, eta.RemainingAt(at.AddMinutes(10)));
    }
}
