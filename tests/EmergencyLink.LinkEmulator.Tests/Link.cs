using System.Net.Sockets;

namespace EmergencyLink.LinkEmulator.Tests;

/// <summary>An echo server behind a proxy, torn down together.</summary>
public sealed class Link(EchoServer echo, LinkProxy proxy) : IAsyncDisposable
{
    public LinkProxy Proxy => proxy;

    public async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Proxy.ListenEndPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await proxy.DisposeAsync();
        await echo.DisposeAsync();
    }
}
