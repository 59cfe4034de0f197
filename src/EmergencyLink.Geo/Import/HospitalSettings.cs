namespace EmergencyLink.Geo.Import;

/// <summary>
/// One OSM hospital as the region will use it. By default only named hospitals tagged <c>emergency=yes</c> are
/// included, as emergency departments without specialist capabilities, until someone who knows them says more.
/// </summary>
public sealed class HospitalSettings
{
    public string Name { get; set; } = "";

    public bool Include { get; set; }

    public bool Pci24x7 { get; set; }

    public bool Thrombectomy { get; set; }

    public bool StrokeUnit { get; set; }

    public int TraumaLevel { get; set; }

    public bool Paediatric { get; set; }

    public int EdBeds { get; set; } = 20;

    public int EdBedsFree { get; set; } = 5;
}
