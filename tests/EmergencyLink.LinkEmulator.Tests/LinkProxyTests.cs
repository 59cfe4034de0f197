using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EmergencyLink.LinkEmulator.Tests;

/// <summary>Real loopback sockets through the proxy to an echo server; lower bounds are exact, upper bounds leave room for a busy machine.</summary>
public sealed class LinkProxyTests
{
    private static readonly LinkOptions Unshaped = new();

    [Fact]
    public async Task Round_trips_take_at_least_twice_the_one_way_latency()
    {
        await using var link = await LinkAsync(Unshaped with { Latency = TimeSpan.FromMilliseconds(50) });
        using var client = await link.ConnectAsync();

        for (var i = 0; i < 5; i++)
        {
            var rtt = await PingAsync(client);
            Assert.InRange(rtt.TotalMilliseconds, 100, 400);
        }
    }

    [Fact]
    public async Task A_megabyte_through_an_8_Mbit_cap_takes_about_a_second()
    {
        await using var link = await LinkAsync(Unshaped with { BandwidthKbps = 8_000 });
        using var client = await link.ConnectAsync();
        var clock = Stopwatch.StartNew();

        var echoed = await ExchangeAsync(client, new byte[1_000_000]);

        Assert.Equal(1_000_000, echoed.Length);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 3);
        Assert.Equal((1_000_000, 1_000_000), (link.Proxy.Counters.Snapshot().BytesUp, link.Proxy.Counters.Snapshot().BytesDown));
    }

    [Fact]
    public async Task Bytes_arrive_intact_and_in_order_through_bursty_loss()
    {
        // The degraded profile's 40 ms jitter and bursty loss, with the rate raised and holes left out so 5 MB fits in seconds.
        var degraded = LinkProfiles.Named["degraded"] with { BandwidthKbps = 100_000, BurstLoss = 0.05, OutageEvery = null, Seed = 11 };
        await using var link = await LinkAsync(degraded);
        using var client = await link.ConnectAsync();
        var payload = new byte[5 * 1024 * 1024];
        new Random(3).NextBytes(payload);

        var echoed = await ExchangeAsync(client, payload);

        Assert.True(payload.AsSpan().SequenceEqual(echoed), "the echoed stream differs from what was sent");
        Assert.True(link.Proxy.Counters.Snapshot().ChunksHeldByLoss > 0, "the loss model never held a chunk");
    }

    [Fact]
    public async Task An_outage_refuses_new_connections_resets_open_ones_and_then_recovers()
    {
        await using var link = await LinkAsync(Unshaped with { OutageMode = OutageMode.Reset, ResetAfter = TimeSpan.FromMilliseconds(300) });
        using var open = await link.ConnectAsync();
        await PingAsync(open);
        var clock = Stopwatch.StartNew();

        link.Proxy.BeginOutage(TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<SocketException>(link.ConnectAsync);
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await open.SendAsync(new byte[16]);
        Assert.Equal(0, await ReceiveOrResetAsync(open));
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 300, 900);

        using var again = await ReconnectAsync(link);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "a connection got through the hole");
        await PingAsync(again);
        var stats = link.Proxy.Counters.Snapshot();
        Assert.Equal((1, 1), (stats.Outages, stats.ConnectionsReset));
    }

    [Fact]
    public async Task A_stalling_outage_holds_bytes_until_coverage_returns_and_keeps_the_connection()
    {
        await using var link = await LinkAsync(Unshaped with { OutageMode = OutageMode.Stall });
        using var open = await link.ConnectAsync();
        await PingAsync(open);

        link.Proxy.BeginOutage(TimeSpan.FromMilliseconds(600));
        var stalled = await PingAsync(open);

        Assert.InRange(stalled.TotalMilliseconds, 590, 2000);
        Assert.False(link.Proxy.InOutage);
        Assert.InRange((await PingAsync(open)).TotalMilliseconds, 0, 200);
        Assert.Equal(0, link.Proxy.Counters.Snapshot().ConnectionsReset);
    }

    [Fact]
    public async Task Scheduled_coverage_holes_open_and_close_on_their_own()
    {
        var holes = Unshaped with { OutageEvery = TimeSpan.FromMilliseconds(200), OutageMin = TimeSpan.FromMilliseconds(100), OutageMax = TimeSpan.FromMilliseconds(150) };
        await using var link = await LinkAsync(holes);
        var clock = Stopwatch.StartNew();

        while (link.Proxy.Counters.Snapshot().Outages < 2 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.True(link.Proxy.Counters.Snapshot().Outages >= 2, "no second hole within 5 s");
        using var client = await ReconnectAsync(link);
        await PingAsync(client);
    }

    private static async Task<Link> LinkAsync(LinkOptions options)
    {
        var echo = new EchoServer();
        var proxy = new LinkProxy(options, new IPEndPoint(IPAddress.Loopback, 0), echo.EndPoint);
        proxy.Start();
        await Task.Yield();
        return new Link(echo, proxy);
    }

    private static async Task<TimeSpan> PingAsync(Socket client)
    {
        var clock = Stopwatch.StartNew();
        await client.SendAsync(new byte[32]);
        var received = 0;
        var buffer = new byte[32];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (received < 32)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(received), timeout.Token);
            Assert.NotEqual(0, read);
            received += read;
        }

        return clock.Elapsed;
    }

    /// <summary>Sends while receiving, as a full-duplex client does, so neither side's buffers stall the other.</summary>
    private static async Task<byte[]> ExchangeAsync(Socket client, byte[] payload)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sending = Task.Run(async () =>
        {
            await client.SendAsync(payload, timeout.Token);
            client.Shutdown(SocketShutdown.Send);
        });
        using var echoed = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await client.ReceiveAsync(buffer, timeout.Token)) > 0)
        {
            echoed.Write(buffer, 0, read);
        }

        await sending;
        return echoed.ToArray();
    }

    /// <summary>A reset shows as 0 here whichever way the socket reports it (end of stream or ECONNRESET).</summary>
    private static async Task<int> ReceiveOrResetAsync(Socket client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            return await client.ReceiveAsync(new byte[64], timeout.Token);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }

    private static async Task<Socket> ReconnectAsync(Link link)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await link.ConnectAsync();
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(25);
            }
        }
    }
}
