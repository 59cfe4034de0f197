namespace EmergencyLink.Consoles.Map;

/// <summary>A fixed place on the map (station or hospital) in map metres.</summary>
public sealed record MapSite(string Id, string Name, double X, double Y);
