namespace EmergencyLink.Geo.Import;

/// <summary>
/// What OpenStreetMap cannot say, kept in a small hand-editable file beside the imported map
/// (<see cref="FileName"/>): the region's name, each hospital's capabilities and ED size, and the fleet per station.
/// The importer writes it with defaults on first import and reads it on every later one.
/// </summary>
public sealed class ImportSettings
{
    public const string FileName = "import-settings.json";

    public string Id { get; set; } = "imported";

    public string Name { get; set; } = "Imported region";

    public string TimeZone { get; set; } = "UTC";

    public int UnitsPerStation { get; set; } = 2;

    /// <summary>How many of each station's units are ALS; the rest are BLS.</summary>
    public int AlsPerStation { get; set; } = 1;

    /// <summary>By OSM object ("node/123", "way/456").</summary>
    public SortedDictionary<string, HospitalSettings> Hospitals { get; set; } = new(StringComparer.Ordinal);
}
