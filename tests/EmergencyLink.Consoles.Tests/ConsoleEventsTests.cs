using EmergencyLink.Consoles.Live;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Units;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Consoles.Tests;

public sealed class ConsoleEventsTests
{
    private static readonly AmbulanceSnapshot Unit = new("A01", "Medic 1", new GeoPoint(44, -38), null, null, null,
        UnitStatus.Available, DateTimeOffset.UnixEpoch, UnitCapability.ALS, "S01", null, 1);

    [Fact]
    public void A_subscriber_hears_changes_until_it_disposes_its_subscription()
    {
        var events = new ConsoleEvents(NullLogger<ConsoleEvents>.Instance);
        var listener = new RecordingListener();
        var subscription = events.Subscribe(listener);

        events.UnitChanged(Unit);
        subscription.Dispose();
        events.UnitChanged(Unit with { Version = 2 });

        Assert.Equal([1L], listener.Versions);
    }

    [Fact]
    public void A_listener_that_throws_does_not_stop_the_others_hearing()
    {
        var events = new ConsoleEvents(NullLogger<ConsoleEvents>.Instance);
        var listener = new RecordingListener();
        using var broken = events.Subscribe(new ThrowingListener());
        using var working = events.Subscribe(listener);

        events.UnitChanged(Unit);

        Assert.Equal([1L], listener.Versions);
    }

    private sealed class RecordingListener : IConsoleListener
    {
        public List<long> Versions { get; } = [];

        public void OnUnitChanged(AmbulanceSnapshot unit) => Versions.Add(unit.Version);
    }

    private sealed class ThrowingListener : IConsoleListener
    {
        public void OnUnitChanged(AmbulanceSnapshot unit) => throw new InvalidOperationException("a broken circuit");
    }
}
