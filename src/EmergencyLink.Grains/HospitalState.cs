using EmergencyLink.Contracts;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Grains;

public sealed class HospitalState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public GeoPoint Location { get; set; }

    public HospitalCapabilities Capabilities { get; set; } = HospitalCapabilities.None;

    public bool Diversion { get; set; }

    public int EdBeds { get; set; }

    public int EdBedsFree { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Committed snapshots of the cases on their way here or arrived, by incident id.</summary>
    public Dictionary<string, IncidentSnapshot> Inbound { get; set; } = [];

    public bool Exists => Id.Length > 0;

    /// <summary>Offload intervals of the cases handed over here, oldest first, bounded by <see cref="HandoverOptions.OffloadHistory"/>.</summary>
    public List<OffloadSample> Offloads { get; set; } = [];
}
