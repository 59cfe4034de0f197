namespace EmergencyLink.Grains;

public sealed class RosterState
{
    /// <summary>Every unit enrolled in the region, so the index can be rebuilt after the grain moves or restarts.</summary>
    public List<string> UnitIds { get; set; } = [];
}
