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
    public void A_station_outside_the_boundary_is_refused()
    {
        var stations = File.ReadAllText(Path.Combine(folder, MapFiles.Stations));
        var start = stations.IndexOf("\"coordinates\":[", StringComparison.Ordinal) + "\"coordinates\":[".Length;
        var end = stations.IndexOf(']', start);
        File.WriteAllText(Path.Combine(folder, MapFiles.Stations), stations[..start] + "-10,10" + stations[end..]);

        Assert.Contains("outside", Assert.Throws<MapFormatException>(() => RegionMapLoader.Load(folder)).Message, StringComparison.Ordinal);
    }
}
