namespace EmergencyLink.Consoles.Map;

/// <summary>All roads of one class as a single SVG path; the class name becomes the CSS class.</summary>
public sealed record RoadLayer(string RoadClass, string Path);
