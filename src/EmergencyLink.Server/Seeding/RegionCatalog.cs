using EmergencyLink.Geo.Maps;
using EmergencyLink.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Seeding;

/// <summary>The region map the server was started on, loaded once.</summary>
public sealed class RegionCatalog(IOptions<RegionOptions> options)
{
    private readonly Lazy<RegionMap> map = new(() => RegionMapLoader.Load(ResolvePath(options.Value)));

    public RegionMap Map => map.Value;

    public IReadOnlyList<string> HospitalIds => Map.Hospitals.Select(h => h.Id).ToArray();

    private static string ResolvePath(RegionOptions options) =>
        string.IsNullOrWhiteSpace(options.Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "maps", "demo")
            : System.IO.Path.GetFullPath(options.Path);
}
