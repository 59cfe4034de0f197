namespace EmergencyLink.Clinical.Tests.St;

/// <summary>One beat of a synthetic recording: its R peak time and its kind.</summary>
internal sealed record SyntheticBeat(double RPeakSeconds, SyntheticBeatKind Kind = SyntheticBeatKind.Normal);
