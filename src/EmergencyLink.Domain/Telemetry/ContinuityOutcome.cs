namespace EmergencyLink.Domain.Telemetry;

public enum ContinuityOutcome
{
    /// <summary>The next frame, or one ahead of it (which opens a gap).</summary>
    InOrder,

    /// <summary>Fills a gap below the newest frame: a backlog frame sent after a hole.</summary>
    Backfilled,

    /// <summary>Already held; taken once only.</summary>
    Duplicate,
}
