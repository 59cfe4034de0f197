using EmergencyLink.Consoles.Live;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Consoles.Tests;

public sealed class ConsoleTalkEventsTests
{
    private static readonly IncidentSnapshot Case = new("INC-000001", CaseState.Transporting, 1, new GeoPoint(44, -38), null,
        "chest pain", null, null, "A01", "H01", null, DateTimeOffset.UnixEpoch, [], [], []);

    [Fact]
    public void A_message_and_a_guidance_mark_reach_the_console_listeners_with_their_case()
    {
        var events = new ConsoleEvents(NullLogger<ConsoleEvents>.Instance);
        var listener = new TalkListener();
        using var subscription = events.Subscribe(listener);
        var message = new CaseMessage("M1", DateTimeOffset.UnixEpoch, "dr Lee", MessageSide.Ed, "H01", "Go to resus 2", QuickReply.GoToResus, "2");
        var mark = new GuidanceMark("G1", DateTimeOffset.UnixEpoch, "dr Lee", "H01", "ultrasound", 1042, GuidanceShape.Point,
            [new GuidancePoint(0.5, 0.5)], null, null);

        events.CaseMessage(Case, message);
        events.GuidanceMarked(Case, mark);

        Assert.Equal(["INC-000001 M1", "INC-000001 G1"], listener.Heard);
    }

    [Fact]
    public void A_listener_that_only_follows_units_ignores_talk_without_failing()
    {
        var events = new ConsoleEvents(NullLogger<ConsoleEvents>.Instance);
        using var subscription = events.Subscribe(new SilentListener());

        events.CaseMessage(Case, new CaseMessage("M1", DateTimeOffset.UnixEpoch, "medic", MessageSide.Crew, null, "copy", null, null));
    }

    private sealed class TalkListener : IConsoleListener
    {
        public List<string> Heard { get; } = [];

        public void OnCaseMessage(IncidentSnapshot incident, CaseMessage message) => Heard.Add($"{incident.Id} {message.Id}");

        public void OnGuidanceMarked(IncidentSnapshot incident, GuidanceMark mark) => Heard.Add($"{incident.Id} {mark.Id}");
    }

    private sealed class SilentListener : IConsoleListener;
}
