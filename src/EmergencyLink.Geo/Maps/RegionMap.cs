using NetTopologySuite.Geometries;

namespace EmergencyLink.Geo.Maps;

/// <summary>Everything the server seeds a region from.</summary>
public sealed record RegionMap(
    string Id,
    string Name,
    string TimeZone,
    Polygon Boundary,
    IReadOnlyList<RoadSegment> Roads,
    IReadOnlyList<StationSite> Stations,
    IReadOnlyList<HospitalSite> Hospitals,
    IReadOnlyList<AmbulanceSeed> Fleet);
