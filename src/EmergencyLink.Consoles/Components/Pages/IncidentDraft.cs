namespace EmergencyLink.Consoles.Components.Pages;

/// <summary>The dispatcher's new-incident form; the location comes from a map click or typed coordinates.</summary>
public sealed class IncidentDraft
{
    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string? Complaint { get; set; }

    public int Priority { get; set; } = 2;
}
