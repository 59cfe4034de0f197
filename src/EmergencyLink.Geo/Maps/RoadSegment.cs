using NetTopologySuite.Geometries;

namespace EmergencyLink.Geo.Maps;

/// <summary>A road between two intersections. When <see cref="OneWay"/>, traffic follows the geometry's direction.</summary>
public sealed record RoadSegment(
    string Id,
    string? Name,
    RoadClass Class,
    bool OneWay,
    double SpeedKmh,
    int Lanes,
    LineString Geometry);
