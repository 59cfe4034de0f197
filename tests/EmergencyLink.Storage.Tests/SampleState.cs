namespace EmergencyLink.Storage.Tests;

public enum SampleMood
{
    Calm,
    Busy,
}

public sealed record SampleEntry(int Sequence, DateTimeOffset At, string Text);

public sealed class SampleState
{
    public string Name { get; set; } = "";

    public SampleMood Mood { get; set; }

    public DateTimeOffset Since { get; set; }

    public List<SampleEntry> Entries { get; set; } = [];

    public Dictionary<string, int> Counts { get; set; } = [];
}
