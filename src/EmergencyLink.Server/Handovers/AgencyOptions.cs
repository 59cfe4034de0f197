namespace EmergencyLink.Server.Handovers;

/// <summary>The EMS service this system runs for, as the handover document names its author.</summary>
public sealed class AgencyOptions
{
    public const string Section = "Agency";

    /// <summary>The agency's identifier in the document (author, custodian, the encounter's service provider).</summary>
    public string Id { get; set; } = "emergencylink-ems";

    public string Name { get; set; } = "EmergencyLink EMS";
}
