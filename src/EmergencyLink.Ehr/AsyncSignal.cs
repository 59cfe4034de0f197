using System.Threading.Channels;

namespace EmergencyLink.Ehr;

/// <summary>
/// An auto-reset wake-up for one waiter. Signals coalesce, and a signal given while nobody waits is kept, so a
/// document enqueued just before its hospital's sender goes to sleep is never left waiting.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Signal() => channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
