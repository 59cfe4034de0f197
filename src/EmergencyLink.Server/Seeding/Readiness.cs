namespace EmergencyLink.Server.Seeding;

/// <summary>Set once the region is seeded; /readyz stays 503 until then.</summary>
public sealed class Readiness
{
    private volatile bool seeded;

    public bool Seeded => seeded;

    public void MarkSeeded() => seeded = true;
}
