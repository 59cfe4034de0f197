namespace EmergencyLink.Grains.Live.Events;

/// <summary>
/// One <see cref="ILiveFeed"/> call, as it crosses to another node: that node replays it on its own feed. Built only
/// when there is another node to send it to, so a single node never allocates or serializes one.
/// </summary>
[GenerateSerializer]
public abstract record LiveEvent
{
    public abstract Task ApplyAsync(ILiveFeed feed);
}
