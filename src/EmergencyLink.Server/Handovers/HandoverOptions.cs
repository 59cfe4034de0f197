namespace EmergencyLink.Server.Handovers;

/// <summary>How the handover document names the service that wrote it.</summary>
public sealed class HandoverOptions
{
    public const string Section = "Handover";

    /// <summary>The EMS agency as the document's author and the encounter's service provider.</summary>
    public string AgencyId { get; set; } = "emergencylink-ems";

    public string AgencyName { get; set; } = "EmergencyLink EMS";
}
