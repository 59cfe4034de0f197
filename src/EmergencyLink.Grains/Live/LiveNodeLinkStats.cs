namespace EmergencyLink.Grains.Live;

/// <summary>What one node has forwarded to another since they linked.</summary>
public sealed record LiveNodeLinkStats(SiloAddress Silo, long Forwarded, long Dropped, int Queued);
