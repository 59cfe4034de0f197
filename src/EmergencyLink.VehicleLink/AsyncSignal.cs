using System.Threading.Channels;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// An auto-reset wake-up for one waiter. Signals coalesce, and a signal given while nobody waits is kept, so a state
/// change made just before the waiter goes to sleep is never lost.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Signal() => channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
