using System.Collections.Concurrent;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>Collects hub events and lets a test wait for one that matches.</summary>
public sealed class EventLog<T>
{
    private readonly ConcurrentQueue<(string Name, T Payload)> events = new();
    private readonly SemaphoreSlim arrived = new(0);

    public IReadOnlyList<(string Name, T Payload)> All => events.ToArray();

    public void Add(string name, T payload)
    {
        events.Enqueue((name, payload));
        arrived.Release();
    }

    public async Task<T> WaitForAsync(string name, Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var e in events)
            {
                if (e.Name == name && match(e.Payload))
                {
                    return e.Payload;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No {name} event matched; got: {string.Join(", ", events.Select(x => x.Name))}");
            }
        }
    }
}
