namespace EmergencyLink.LinkEmulator;

/// <summary>What a coverage hole does to connections that are open when it begins.</summary>
public enum OutageMode
{
    /// <summary>Connections survive and deliver their held bytes when coverage returns (a short fade).</summary>
    Stall,

    /// <summary>Connections are reset once the hole has lasted <see cref="LinkOptions.ResetAfter"/> (the radio bearer drops).</summary>
    Reset,
}
