using EmergencyLink.Geo.Maps;

namespace EmergencyLink.Geo.Tests;

public sealed class RegionMapLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-badmap-").FullName;

    public RegionMapLoaderTests()
    {
        foreach (var file in MapFiles.All)
        {
            File.Copy(Path.Combine(DemoMapFolder.Path, file), Path.Combine(folder, file));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_of_the_demo_loads()
    {
        Assert.Equal("Calder Bay", RegionMapLoader.Load(folder).Name);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(Path.Combine(folder, MapFiles.Fleet));

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.Contains("fleet.geojson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambulance_at_an_unknown_station_is_named_with_its_id()
    {
        Edit(MapFiles.Fleet, "\"id\":\"A01\",\"callSign\":\"Medic 1\",\"capability\":\"ALS\",\"stationId\":\"ST01\"",
            "\"id\":\"A01\",\"callSign\":\"Medic 1\",\"capability\":\"ALS\",\"stationId\":\"ST99\"");

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.Contains("A01", error.Message, StringComparison.Ordinal);
        Assert.Contains("ST99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_property_value_is_named_with_file_feature_and_property()
    {
        Edit(MapFiles.Hospitals, "\"id\":\"H2\"", "\"id\":\"H2\",\"x\":1");
        Edit(MapFiles.Hospitals, "\"edBeds\":24", "\"edBeds\":\"many\"");

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.Contains("hospitals.geojson", error.Message, StringComparison.Ordinal);
        Assert.Contains("H2", error.Message, StringComparison.Ordinal);
        Assert.Contains("edBeds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_and_duplicate_ids_are_refused()
    {
        Edit(MapFiles.Stations, "\"id\":\"ST02\"", "\"id\":\"ST01\"");
        Assert.Contains("ST01", Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder)).Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, MapFiles.Stations), "{\"type\":\"FeatureCollection\",\"features\":[");
        Assert.Contains("not valid GeoJSON", Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_property_is_named_with_file_feature_and_property()
    {
        Edit(MapFiles.Roads, "\"id\":\"R00001\",\"name\":\"1st Street\",\"class\":\"secondary\",\"oneway\":false,\"speedKmh\":50,\"lanes\":2}",
            "\"id\":\"R00001\",\"name\":\"1st Street\",\"class\":\"secondary\",\"oneway\":false,\"speedKmh\":50}");

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.Equal("roads.geojson, feature R00001: property 'lanes' is missing.", error.Message);
    }

    [Fact]
    public void Malformed_geometry_is_refused_with_file_and_feature_named()
    {
        Edit(MapFiles.Roads, "[[-38.075165,43.954893],[-38.071191,43.955131]]", "[[-38.075165,43.954893]]");

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.StartsWith("roads.geojson, feature R00001: not valid GeoJSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_boundary_ring_is_refused_with_the_file_named()
    {
        Edit(MapFiles.Region, ",[-38.078122,43.952751]]]", "]]");

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.StartsWith("region.geojson, feature calder-bay: not valid GeoJSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"speedKmh\":50", "\"speedKmh\":1e400", "feature R00001: property 'speedKmh'")]
    [InlineData("\"id\":\"R00001\"", "\"id\":1e400", "feature #0")]
    public void A_number_beyond_range_is_refused_with_file_and_feature_named(string from, string to, string named)
    {
        Edit(MapFiles.Roads, from, to);

        var error = Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder));

        Assert.StartsWith("roads.geojson, " + named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_loaded_map_gives_back_the_same_bytes()
    {
        var copy = Path.Combine(folder, "written");

        RegionMapWriter.Write(RegionMapLoader.Load(folder), copy);

        Assert.All(MapFiles.All, file => Assert.Equal(File.ReadAllBytes(Path.Combine(folder, file)), File.ReadAllBytes(Path.Combine(copy, file))));
    }

    [Fact]
    public void A_station_outside_the_boundary_is_refused()
    {
        var stations = File.ReadAllText(Path.Combine(folder, MapFiles.Stations));
        var start = stations.IndexOf("\"coordinates\":[", StringComparison.Ordinal) + "\"coordinates\":[".Length;
        var end = stations.IndexOf(']', start);
        File.WriteAllText(Path.Combine(folder, MapFiles.Stations), stations[..start] + "-10,10" + stations[end..]);

        Assert.Contains("outside", Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder)).Message, StringComparison.Ordinal);
    }
}
