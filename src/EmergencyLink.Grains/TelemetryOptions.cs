namespace EmergencyLink.Grains;

/// <summary>Limits and figures of the vehicle link's server end (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>A larger frame is refused: 1 MiB holds a 1080p JPEG key frame several times over.</summary>
    public int MaxFramePayloadBytes { get; set; } = 1 << 20;

    public int MaxBatchFrames { get; set; } = 2_000;

    /// <summary>
    /// A frame reaching the server later than this after capture counts as late. 400 ms is ITU-T G.114's limit of
    /// acceptable one-way delay for interaction, which is what tele-guidance over live video is.
    /// </summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// How long a case's assignment and destination are trusted before asking the case again; a new destination
    /// reaches the stream within this.
    /// </summary>
    public TimeSpan CaseRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What a viewer who joins late gets first.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxReplayFrames { get; set; } = 10_000;

    /// <summary>
    /// How long a NEWS2 of 7 or more must hold in the streamed vitals before it alerts the ED: long enough to ride out
    /// a slipped probe, short against the minutes a deterioration takes.
    /// </summary>
    public TimeSpan News2HoldFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A live alert the case could not record (its grain or storage failed) is kept and tried again on a later batch,
    /// at most this often, so a failing case is not hammered 25 times a second by the ECG stream.
    /// </summary>
    public TimeSpan AlertRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A case's live analysis not fed for this long is dropped (the unit has moved on to another case).</summary>
    public TimeSpan AnalysisIdleAfter { get; set; } = TimeSpan.FromMinutes(30);
}
