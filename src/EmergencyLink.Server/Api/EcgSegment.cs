namespace EmergencyLink.Server.Api;

/// <summary>Consecutive ECG samples without a hole: <c>samples[lead][i]</c> in raw units.</summary>
public sealed record EcgSegment(long FirstSample, DateTimeOffset CapturedAt, IReadOnlyList<short[]> Samples);
