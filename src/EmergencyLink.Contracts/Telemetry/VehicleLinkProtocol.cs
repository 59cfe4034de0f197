namespace EmergencyLink.Contracts.Telemetry;

/// <summary>The names both ends of the vehicle link agree on.</summary>
public static class VehicleLinkProtocol
{
    public const string HubPath = "/hubs/vehicle";

    /// <summary>Hub method: <c>UploadAck Upload(TelemetryFrame[] frames)</c>, crew token of the frames' vehicle only.</summary>
    public const string Upload = "Upload";

    public const string VitalsChannel = "vitals";
    public const string EcgChannel = "ecg";
    public const string VideoChannel = "video";
}
