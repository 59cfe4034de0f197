namespace EmergencyLink.Ehr.Tests;

/// <summary>A push service standing for one cluster node, whose requests carry its tag.</summary>
public sealed class TaggedNode(string tag, EhrHarness node) : IAsyncDisposable
{
    public string Tag => tag;

    public EhrHarness Node => node;

    public IEhrPush Push => node.Push;

    public Task StartAsync() => node.StartAsync();

    public Task<EhrStatus> WaitForAsync(string hospitalId, Func<EhrStatus, bool> condition, TimeSpan? timeout = null) =>
        node.WaitForAsync(hospitalId, condition, timeout);

    public ValueTask DisposeAsync() => node.DisposeAsync();
}
