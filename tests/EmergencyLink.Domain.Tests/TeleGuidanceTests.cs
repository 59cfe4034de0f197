using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Guidance;

namespace EmergencyLink.Domain.Tests;

public sealed class TeleGuidanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static IncidentRecord NewCase() =>
        IncidentCase.Open("INC-000001", new NewIncident(new GeoPoint(44, -38), "abdominal pain", 1), "calltaker", T0);

    private static NewGuidanceMark Arrow(string channel = "ultrasound", long sequence = 120, string? text = null) =>
        new(channel, sequence, GuidanceShape.Arrow, [new GuidancePoint(0.2, 0.3), new GuidancePoint(0.45, 0.5)], text, "#FF0000");

    [Fact]
    public void A_mark_keeps_its_frame_and_geometry_and_the_first_on_a_channel_goes_on_the_timeline()
    {
        var record = NewCase();

        var outcome = TeleGuidance.Mark(record, Arrow(), "dr Lee", "H1", T0.AddMinutes(3));

        Assert.True(outcome.Accepted, outcome.Error);
        var mark = outcome.Mark!;
        Assert.Equal(("G1", "ultrasound", 120L, GuidanceShape.Arrow, "H1", "#ff0000"), (mark.Id, mark.Channel, mark.Sequence, mark.Shape, mark.HospitalId, mark.Colour));
        Assert.Equal([new GuidancePoint(0.2, 0.3), new GuidancePoint(0.45, 0.5)], mark.Points);
        Assert.True(outcome.OnTimeline);
        var entry = record.Timeline[^1];
        Assert.Equal((TimelineEvent?)TimelineEvent.Guidance, entry.Event);
        Assert.Equal("G1 guidance began on ultrasound frame 120: Arrow", entry.Detail);
    }

    [Fact]
    public void Wordless_marks_while_guiding_are_kept_but_not_repeated_on_the_timeline_words_and_pauses_are()
    {
        var record = NewCase();
        TeleGuidance.Mark(record, Arrow(), "dr Lee", "H1", T0);

        var stroke = TeleGuidance.Mark(record, Arrow(sequence: 130), "dr Lee", "H1", T0.AddSeconds(20));
        var other = TeleGuidance.Mark(record, Arrow(channel: "video", sequence: 9), "dr Lee", "H1", T0.AddSeconds(25));
        var words = TeleGuidance.Mark(record, Arrow(sequence: 140, text: "needle here"), "dr Lee", "H1", T0.AddSeconds(30));
        var resumed = TeleGuidance.Mark(record, Arrow(sequence: 900), "dr Lee", "H1", T0.AddSeconds(30) + TeleGuidance.SessionGap + TimeSpan.FromSeconds(1));

        Assert.False(stroke.OnTimeline);
        Assert.True(other.OnTimeline);
        Assert.True(words.OnTimeline);
        Assert.True(resumed.OnTimeline);
        Assert.Equal(5, record.Guidance.Count);
        var details = record.Timeline.Where(e => e.Event == TimelineEvent.Guidance).Select(e => e.Detail!).ToArray();
        Assert.Equal(
            ["G1 guidance began on ultrasound frame 120: Arrow", "G3 guidance began on video frame 9: Arrow",
             "G4 guidance on ultrasound frame 140: Arrow \"needle here\"", "G5 guidance began on ultrasound frame 900: Arrow"],
            details);
    }

    [Fact]
    public void The_case_keeps_the_latest_marks_ids_stay_unique_after_old_ones_go_and_the_snapshot_carries_the_last_few()
    {
        var record = NewCase();

        for (var i = 0; i < TeleGuidance.MaxKept + 5; i++)
        {
            Assert.True(TeleGuidance.Mark(record, Arrow(sequence: i + 1), "dr Lee", "H1", T0.AddMilliseconds(i)).Accepted);
        }

        Assert.Equal(TeleGuidance.MaxKept, record.Guidance.Count);
        Assert.Equal("G6", record.Guidance[0].Id);
        Assert.Equal($"G{TeleGuidance.MaxKept + 5}", record.Guidance[^1].Id);
        var recent = TeleGuidance.Recent(record.Guidance);
        Assert.Equal(TeleGuidance.InSnapshot, recent.Count);
        Assert.Equal(record.Guidance[^1], recent[^1]);
    }

    [Theory]
    [InlineData(GuidanceShape.Point, 1, true)]
    [InlineData(GuidanceShape.Point, 2, false)]
    [InlineData(GuidanceShape.Circle, 2, true)]
    [InlineData(GuidanceShape.Circle, 3, false)]
    [InlineData(GuidanceShape.Line, 1, false)]
    [InlineData(GuidanceShape.Line, 32, true)]
    [InlineData(GuidanceShape.Arrow, 33, false)]
    public void Each_shape_takes_its_number_of_points(GuidanceShape shape, int count, bool valid)
    {
        var points = Enumerable.Range(0, count).Select(i => new GuidancePoint(i / 40.0, 0.5)).ToArray();

        var errors = TeleGuidance.Validate(new NewGuidanceMark("video", 1, shape, points));

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Invalid_marks_are_refused_per_field_and_change_nothing()
    {
        var record = NewCase();
        GuidancePoint[] one = [new(0.5, 0.5)];
        var cases = new (NewGuidanceMark Mark, string Field)[]
        {
            (new NewGuidanceMark("ecg", 1, GuidanceShape.Point, one), "channel"),
            (new NewGuidanceMark("vitals", 1, GuidanceShape.Point, one), "channel"),
            (new NewGuidanceMark("Video!", 1, GuidanceShape.Point, one), "channel"),
            (new NewGuidanceMark(null, 1, GuidanceShape.Point, one), "channel"),
            (new NewGuidanceMark("video", 0, GuidanceShape.Point, one), "sequence"),
            (new NewGuidanceMark("video", 1, (GuidanceShape)9, one), "shape"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, []), "points"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, null), "points"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, [new(1.01, 0.5)]), "points[0]"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Line, [new(0, 0), new(0.5, double.NaN)]), "points[1]"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, [new(0.5, -0.1)]), "points[0]"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, one, new string('x', TeleGuidance.MaxTextLength + 1)), "text"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, one, " "), "text"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, one, null, "red"), "colour"),
            (new NewGuidanceMark("video", 1, GuidanceShape.Point, one, null, "#12345g"), "colour"),
        };

        foreach (var (mark, field) in cases)
        {
            Assert.Contains(field, TeleGuidance.Validate(mark).Keys);
            Assert.False(TeleGuidance.Mark(record, mark, "dr Lee", "H1", T0).Accepted);
        }

        Assert.Empty(record.Guidance);
        Assert.Equal(0, record.GuidanceMarks);
        Assert.Single(record.Timeline);
    }

    [Fact]
    public void An_ultrasound_or_any_camera_channel_takes_guidance()
    {
        Assert.Empty(TeleGuidance.Validate(Arrow(channel: "ultrasound-2")));
        Assert.Empty(TeleGuidance.Validate(Arrow(channel: "video")));
    }
}
