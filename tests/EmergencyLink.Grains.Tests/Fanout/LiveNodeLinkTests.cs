using System.Diagnostics.Metrics;
using System.Net;
using EmergencyLink.Grains.Live;
using EmergencyLink.Grains.Live.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyLink.Grains.Tests.Fanout;

/// <summary>One node's queue toward another, against a receiver that stops answering (as a node does before it is declared dead).</summary>
public sealed class LiveNodeLinkTests
{
    private sealed class StuckNode : ILiveNode
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Delivered;

        public async Task DeliverAsync(LiveEvent[] events)
        {
            await Release.Task;
            Interlocked.Add(ref Delivered, events.Length);
        }

        public Task ViewingAsync(SiloAddress from, long version, string[] cases) => Task.CompletedTask;

        public Task NodesChangedAsync(LiveNodeEntry[] nodes) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_full_queue_drops_new_changes_without_waiting_and_counts_them_on_the_link_and_on_the_meter()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new EmergencyLinkMetrics(services.GetRequiredService<IMeterFactory>());
        var outcomes = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == services.GetRequiredService<IMeterFactory>() && instrument.Name == "emergencylink.live.fanout.changes")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    lock (outcomes)
                    {
                        outcomes[(string)tag.Value!] = outcomes.GetValueOrDefault((string)tag.Value!) + value;
                    }
                }
            }
        });
        listener.Start();

        var node = new StuckNode();
        var link = new LiveNodeLink(new LiveNodeEntry(SiloAddress.New(IPAddress.Loopback, 11111, 1), node),
            new LiveFanoutOptions { QueueCapacity = 10, MaxBatch = 5 }, metrics, NullLogger.Instance);
        link.Enqueue(new HospitalChangedEvent(null!));
        await Eventually.HoldsAsync(() => link.Stats.Queued == 0, TimeSpan.FromSeconds(5), "the first change is in flight (and stuck)");
        for (var i = 0; i < 95; i++)
        {
            link.Enqueue(new HospitalChangedEvent(null!));
        }

        // 10 wait in the queue behind the stuck call; the other 85 were refused at once.
        Assert.Equal(10, link.Stats.Queued);
        Assert.Equal(85, link.Stats.Dropped);
        node.Release.SetResult();
        await Eventually.HoldsAsync(() => link.Stats.Forwarded == 11, TimeSpan.FromSeconds(5), "the rest went once the node answered");
        await link.DisposeAsync();

        Assert.Equal(11, node.Delivered);
        lock (outcomes)
        {
            Assert.Equal(85, outcomes.GetValueOrDefault("dropped_sending"));
            Assert.Equal(11, outcomes.GetValueOrDefault("forwarded"));
        }
    }
}
