namespace EmergencyLink.Grains.Live;

/// <summary>One viewer's hold on a case's full-rate stream on this node; disposing it lets the hold go, once.</summary>
internal sealed class LiveCaseView(LiveFanout fanout, string caseId) : IDisposable
{
    private int released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            fanout.Release(caseId);
        }
    }
}
