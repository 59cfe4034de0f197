using System.Globalization;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Domain.Guidance;

/// <summary>
/// The rules for tele-guidance marks: what a valid mark is, how many a case keeps, and which of them the timeline
/// records. A clinician guiding an ultrasound probe draws dozens of strokes a minute; the timeline is the medico-legal
/// record and must stay readable, so it records that guidance began on a channel (again after a pause) and every mark
/// that carries words, not every wordless stroke's geometry. Every mark is still kept (the latest
/// <see cref="MaxKept"/>) and listed by the API.
/// </summary>
public static class TeleGuidance
{
    public const int MaxPoints = 32;
    public const int MaxTextLength = 200;

    /// <summary>Marks older than the latest this many are let go: guidance is about the frames on screen now.</summary>
    public const int MaxKept = 200;

    /// <summary>
    /// How many of the latest marks travel with the case's snapshot, which is pushed to every dispatcher and board and kept
    /// by the hospitals it is inbound to: enough for a screen opening the case to draw what is on it now, while the full
    /// list stays with the case and is read on request.
    /// </summary>
    public const int InSnapshot = 20;

    /// <summary>A mark after this long without one on its channel starts a new stretch of guidance on the timeline.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(2);

    /// <summary>Problems with the mark, by field name; empty when it can be recorded.</summary>
    public static IReadOnlyDictionary<string, string> Validate(NewGuidanceMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(mark.Channel))
        {
            errors["channel"] = "channel is required: \"video\" or an ultrasound channel's id.";
        }
        else if (TelemetryRules.CheckChannel(mark.Channel) is { } bad)
        {
            errors["channel"] = bad;
        }
        else if (TelemetryRules.KindOf(mark.Channel) != TelemetryKind.Video)
        {
            errors["channel"] = $"{mark.Channel} is not a video channel; guidance is drawn on video or ultrasound frames.";
        }

        if (mark.Sequence < 1)
        {
            errors["sequence"] = "sequence is the frame's sequence number (1 or more).";
        }

        if (!Enum.IsDefined(mark.Shape))
        {
            errors["shape"] = "Unknown shape: Point, Line, Arrow or Circle.";
        }
        else if (mark.Points is not { Count: > 0 })
        {
            errors["points"] = "points are required.";
        }
        else
        {
            var (least, most) = PointsFor(mark.Shape);
            if (mark.Points.Count < least || mark.Points.Count > most)
            {
                errors["points"] = least == most
                    ? $"A {mark.Shape} has {least} point{(least == 1 ? "" : "s")}."
                    : $"A {mark.Shape} has {least} to {most} points.";
            }

            for (var i = 0; i < mark.Points.Count && i < MaxPoints; i++)
            {
                if (mark.Points[i] is not { } p || !InFrame(p.X) || !InFrame(p.Y))
                {
                    errors[string.Create(CultureInfo.InvariantCulture, $"points[{i}]")] = "x and y are normalised to the frame: 0 to 1.";
                }
            }
        }

        if (mark.Text is { } text && (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength))
        {
            errors["text"] = $"text is 1 to {MaxTextLength} characters, or left out.";
        }

        if (mark.Colour is { } colour && !IsColour(colour))
        {
            errors["colour"] = "colour is #rrggbb, or left out.";
        }

        return errors;
    }

    /// <summary>How many points each shape takes.</summary>
    public static (int Least, int Most) PointsFor(GuidanceShape shape) => shape switch
    {
        GuidanceShape.Point => (1, 1),
        GuidanceShape.Circle => (2, 2),
        _ => (2, MaxPoints),
    };

    /// <summary>
    /// Stamps and keeps a valid mark (dropping the oldest past <see cref="MaxKept"/>), and records it on the timeline when
    /// it starts a stretch of guidance on its channel or carries words.
    /// </summary>
    public static GuidanceOutcome Mark(IncidentRecord record, NewGuidanceMark mark, string actor, string? hospitalId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = Validate(mark);
        if (errors.Count > 0)
        {
            return new GuidanceOutcome(null, string.Join(" ", errors.Values));
        }

        if (record.State is CaseState.Closed or CaseState.Cancelled)
        {
            return new GuidanceOutcome(null, $"Case {record.Id} is {record.State}; there is nothing to guide.", Conflict: true);
        }

        var previous = record.Guidance.FindLast(g => g.Channel == mark.Channel);
        record.GuidanceMarks++;
        var stamped = new GuidanceMark(
            string.Create(CultureInfo.InvariantCulture, $"G{record.GuidanceMarks}"),
            now,
            actor,
            hospitalId,
            mark.Channel!,
            mark.Sequence,
            mark.Shape,
            mark.Points!.ToArray(),
            mark.Text?.Trim(),
            mark.Colour?.ToLowerInvariant());
        record.Guidance.Add(stamped);
        if (record.Guidance.Count > MaxKept)
        {
            record.Guidance.RemoveRange(0, record.Guidance.Count - MaxKept);
        }

        var begins = previous is null || now - previous.At > SessionGap;
        if (!begins && stamped.Text is null)
        {
            return new GuidanceOutcome(stamped, null);
        }

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{stamped.Id} {(begins ? "guidance began" : "guidance")} on {stamped.Channel} frame {stamped.Sequence}: {stamped.Shape}");
        record.Timeline.Add(new TimelineEntry(record.Timeline.Count + 1, now, actor, null, record.State, record.State,
            stamped.Text is null ? detail : $"{detail} \"{stamped.Text}\"", TimelineEvent.Guidance));
        return new GuidanceOutcome(stamped, null, OnTimeline: true);
    }

    /// <summary>The latest marks, at most <see cref="InSnapshot"/>, oldest first.</summary>
    public static IReadOnlyList<GuidanceMark> Recent(IReadOnlyList<GuidanceMark> marks) =>
        marks.Skip(Math.Max(0, marks.Count - InSnapshot)).ToArray();

    private static bool InFrame(double v) => double.IsFinite(v) && v is >= 0 and <= 1;

    private static bool IsColour(string colour) =>
        colour.Length == 7 && colour[0] == '#' && colour.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF") is false;
}
