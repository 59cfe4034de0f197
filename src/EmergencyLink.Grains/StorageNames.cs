namespace EmergencyLink.Grains;

/// <summary>State names in grain storage; renaming one orphans stored data.</summary>
public static class StorageNames
{
    public const string Incident = "incident";
    public const string Ambulance = "ambulance";
    public const string Hospital = "hospital";
    public const string Registry = "registry";
    public const string Roster = "roster";
}
