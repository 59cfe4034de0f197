namespace EmergencyLink.Grains;

public sealed class RegistryState
{
    /// <summary>The last incident number handed out; numbers are never reused.</summary>
    public long LastNumber { get; set; }

    /// <summary>Cases not yet closed or cancelled (and numbers handed out whose case is being opened).</summary>
    public List<string> Open { get; set; } = [];

    /// <summary>The most recently ended cases, newest last, bounded by <see cref="IncidentRegistryGrain.RecentlyEndedKept"/>.</summary>
    public List<string> RecentlyEnded { get; set; } = [];
}
