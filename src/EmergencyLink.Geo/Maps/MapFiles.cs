namespace EmergencyLink.Geo.Maps;

/// <summary>The files of a map folder.</summary>
public static class MapFiles
{
    public const string Region = "region.geojson";
    public const string Roads = "roads.geojson";
    public const string Stations = "stations.geojson";
    public const string Hospitals = "hospitals.geojson";
    public const string Fleet = "fleet.geojson";

    public static IReadOnlyList<string> All { get; } = [Region, Roads, Stations, Hospitals, Fleet];
}
