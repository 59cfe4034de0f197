namespace EmergencyLink.Domain.Guidance;

/// <summary>What the ED clinician drew on the frame. Names are the API's names.</summary>
public enum GuidanceShape
{
    /// <summary>One point: "here".</summary>
    Point,

    /// <summary>A line through 2 to 32 points (a stroke drawn by hand is a polyline).</summary>
    Line,

    /// <summary>A line through 2 to 32 points with its head at the last one: "this way".</summary>
    Arrow,

    /// <summary>Two points: the centre and a point on the rim.</summary>
    Circle,
}
