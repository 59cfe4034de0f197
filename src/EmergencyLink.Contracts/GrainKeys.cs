namespace EmergencyLink.Contracts;

public static class GrainKeys
{
    /// <summary>Key of the per-region singletons (registry, dispatch index). One region per deployment for now.</summary>
    public const string Region = "default";
}
