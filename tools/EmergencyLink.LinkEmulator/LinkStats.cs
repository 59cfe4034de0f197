namespace EmergencyLink.LinkEmulator;

/// <summary>A point-in-time copy of <see cref="LinkCounters"/>.</summary>
public sealed record LinkStats(
    long BytesUp,
    long BytesDown,
    long ChunksHeldByLoss,
    long Outages,
    long ConnectionsAccepted,
    long ConnectionsActive,
    long ConnectionsRefused,
    long ConnectionsReset)
{
    public override string ToString() =>
        $"up {BytesUp} B, down {BytesDown} B, held by loss {ChunksHeldByLoss}, outages {Outages}, connections " +
        $"{ConnectionsActive} active / {ConnectionsAccepted} accepted / {ConnectionsRefused} refused / {ConnectionsReset} reset";
}
