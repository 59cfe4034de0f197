namespace EmergencyLink.Server.Hosting;

public sealed class RegionOptions
{
    public const string Section = "Map";

    /// <summary>The map folder; empty means the demo region shipped beside the server (<c>maps/demo</c>).</summary>
    public string Path { get; set; } = "";
}
