using System.Net;
using System.Net.Sockets;

namespace EmergencyLink.LinkEmulator.Tests;

/// <summary>The far end of the link: echoes every byte back and passes a half-close on, so a test can see the whole round trip.</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public EchoServer()
    {
        listener.Start();
        accepting = AcceptAsync(stopping.Token);
    }

    public IPEndPoint EndPoint => (IPEndPoint)listener.LocalEndpoint;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (true)
        {
            _ = EchoAsync(await listener.AcceptSocketAsync(ct), ct);
        }
    }

    private static async Task EchoAsync(Socket socket, CancellationToken ct)
    {
        using (socket)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int read;
                while ((read = await socket.ReceiveAsync(buffer, ct)) > 0)
                {
                    await socket.SendAsync(buffer.AsMemory(0, read), ct);
                }

                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // The proxy reset the connection, or the test is over.
            }
        }
    }
}
