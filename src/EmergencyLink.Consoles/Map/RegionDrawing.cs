using System.Text;
using EmergencyLink.Domain.Geography;
using EmergencyLink.Geo.Maps;

namespace EmergencyLink.Consoles.Map;

/// <summary>
/// The static layers of the region map as SVG, built once per server: one path per road class (a few elements
/// instead of thousands keeps the first render and every diff cheap), and the stations and hospitals.
/// </summary>
public sealed class RegionDrawing
{
    public RegionDrawing(RegionMap map)
    {
        var envelope = map.Boundary.EnvelopeInternal;
        Projection = MapProjection.For(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
        Width = Projection.X(new GeoPoint(envelope.MinY, envelope.MaxX));
        Height = Projection.Y(new GeoPoint(envelope.MinY, envelope.MinX));
        Name = map.Name;
        Roads = map.Roads
            .GroupBy(r => r.Class)
            .OrderBy(g => g.Key)
            .Select(g => new RoadLayer(g.Key.ToString().ToLowerInvariant(), PathOf(g)))
            .ToArray();
        Stations = map.Stations.Select(s => new MapSite(s.Id, s.Name, Projection.X(s.Location), Projection.Y(s.Location))).ToArray();
        Hospitals = map.Hospitals.Select(h => new MapSite(h.Id, h.Name, Projection.X(h.Location), Projection.Y(h.Location))).ToArray();
        HospitalIds = map.Hospitals.Select(h => h.Id).ToArray();
        Fleet = map.Fleet.Select(a => new MapSite(a.Id, a.CallSign, Projection.X(a.Location), Projection.Y(a.Location))).ToArray();
    }

    public string Name { get; }

    public MapProjection Projection { get; }

    public double Width { get; }

    public double Height { get; }

    public string ViewBox => $"0 0 {MapProjection.Number(Width)} {MapProjection.Number(Height)}";

    public IReadOnlyList<RoadLayer> Roads { get; }

    public IReadOnlyList<MapSite> Stations { get; }

    public IReadOnlyList<MapSite> Hospitals { get; }

    public IReadOnlyList<string> HospitalIds { get; }

    /// <summary>The seeded units (id, call sign, home position), for the sign-in page's choice of crew.</summary>
    public IReadOnlyList<MapSite> Fleet { get; }

    private string PathOf(IEnumerable<RoadSegment> roads)
    {
        var d = new StringBuilder();
        foreach (var road in roads)
        {
            var first = true;
            foreach (var c in road.Geometry.Coordinates)
            {
                var p = new GeoPoint(c.Y, c.X);
                d.Append(first ? 'M' : 'L').Append(MapProjection.Number(Projection.X(p))).Append(' ')
                    .Append(MapProjection.Number(Projection.Y(p)));
                first = false;
            }
        }

        return d.ToString();
    }
}
