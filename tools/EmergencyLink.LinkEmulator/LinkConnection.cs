using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace EmergencyLink.LinkEmulator;

/// <summary>One proxied TCP connection: a shaped pump per direction, half-close passed through, any failure resets both ends.</summary>
public sealed class LinkConnection : IDisposable
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Bounds the delay line (≤ 4 MiB) so a stalled link pushes back on the sender instead of buffering without end.</summary>
    private const int DelayLineChunks = 256;

    private readonly LinkProxy proxy;
    private readonly Socket client;
    private readonly Socket server;
    private readonly CancellationTokenSource aborted;
    private int reset;

    public LinkConnection(LinkProxy proxy, Socket client, Socket server, CancellationToken stopping)
    {
        this.proxy = proxy;
        this.client = client;
        this.server = server;
        aborted = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public async Task RunAsync() =>
        await Task.WhenAll(PumpAsync(client, server, proxy.Uplink), PumpAsync(server, client, proxy.Downlink));

    /// <summary>Drops both ends with RST, as a lost radio bearer looks to the endpoints.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref reset, 1) == 0)
        {
            aborted.Cancel();
            Abort(client);
            Abort(server);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
        aborted.Dispose();
    }

    public static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to reset.
        }

        socket.Dispose();
    }

    private async Task PumpAsync(Socket from, Socket to, LinkDirection link)
    {
        var line = Channel.CreateBounded<LinkChunk>(new BoundedChannelOptions(DelayLineChunks) { SingleReader = true, SingleWriter = true });
        await Task.WhenAll(ReceiveAsync(from, link, line.Writer, aborted.Token), DeliverAsync(line.Reader, to, link, aborted.Token));
    }

    private async Task ReceiveAsync(Socket from, LinkDirection link, ChannelWriter<LinkChunk> line, CancellationToken ct)
    {
        try
        {
            var previousRelease = TimeSpan.Zero;
            while (true)
            {
                // No ACKs cross a coverage hole, so the sender's window closes: stop taking its bytes.
                await proxy.WaitForCoverageAsync(ct);
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var length = await from.ReceiveAsync(buffer.AsMemory(0, ChunkBytes), ct);
                if (length == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    line.Complete();
                    return;
                }

                var plan = link.Plan(length, proxy.Now);
                // TCP delivers in order, so jitter or a retransmission only ever pushes later bytes back, never ahead.
                previousRelease = plan.ArrivesAt > previousRelease ? plan.ArrivesAt : previousRelease;
                await line.WriteAsync(new LinkChunk(buffer, length, previousRelease), ct);
                await proxy.DelayUntilAsync(plan.SentAt, ct);
            }
        }
        catch (Exception e) when (IsLinkFailure(e))
        {
            Reset();
        }
    }

    private async Task DeliverAsync(ChannelReader<LinkChunk> line, Socket to, LinkDirection link, CancellationToken ct)
    {
        try
        {
            await foreach (var chunk in line.ReadAllAsync(ct))
            {
                await proxy.DelayUntilAsync(chunk.ReleaseAt, ct);
                await proxy.WaitForCoverageAsync(ct);
                await to.SendAsync(chunk.Buffer.AsMemory(0, chunk.Length), ct);
                link.Delivered(chunk.Length);
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (IsLinkFailure(e))
        {
            Reset();
        }
    }

    private static bool IsLinkFailure(Exception e) => e is SocketException or ObjectDisposedException or OperationCanceledException;
}
