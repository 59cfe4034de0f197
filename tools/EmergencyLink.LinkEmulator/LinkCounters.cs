namespace EmergencyLink.LinkEmulator;

/// <summary>Running totals, updated lock-free from every pump.</summary>
public sealed class LinkCounters
{
    private long bytesUp;
    private long bytesDown;
    private long heldByLoss;
    private long outages;
    private long accepted;
    private long active;
    private long refused;
    private long reset;

    public void AddBytes(bool uplink, int count) => Interlocked.Add(ref uplink ? ref bytesUp : ref bytesDown, count);

    public void AddHeldByLoss() => Interlocked.Increment(ref heldByLoss);

    public void AddOutage() => Interlocked.Increment(ref outages);

    public void AddRefused() => Interlocked.Increment(ref refused);

    public void AddReset() => Interlocked.Increment(ref reset);

    public void Opened()
    {
        Interlocked.Increment(ref accepted);
        Interlocked.Increment(ref active);
    }

    public void Closed() => Interlocked.Decrement(ref active);

    public LinkStats Snapshot() => new(
        Interlocked.Read(ref bytesUp),
        Interlocked.Read(ref bytesDown),
        Interlocked.Read(ref heldByLoss),
        Interlocked.Read(ref outages),
        Interlocked.Read(ref accepted),
        Interlocked.Read(ref active),
        Interlocked.Read(ref refused),
        Interlocked.Read(ref reset));
}
