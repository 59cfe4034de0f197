using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Units;

/// <summary>The persisted ambulance.</summary>
public sealed class AmbulanceRecord
{
    public string Id { get; set; } = "";

    public string CallSign { get; set; } = "";

    public UnitCapability Capability { get; set; }

    public string StationId { get; set; } = "";

    public UnitStatus Status { get; set; }

    public DateTimeOffset StatusSince { get; set; }

    public GeoPoint Location { get; set; }

    public double? Heading { get; set; }

    public double? SpeedKmh { get; set; }

    public DateTimeOffset? PositionAt { get; set; }

    /// <summary>The case the unit serves now; null when free or out of service.</summary>
    public string? IncidentId { get; set; }

    /// <summary>Grows with every change, so that readers of pushed copies can drop stale ones.</summary>
    public long Version { get; set; }

    public bool Exists => Id.Length > 0;
}
