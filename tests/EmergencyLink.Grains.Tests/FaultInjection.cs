using System.Collections.Concurrent;

namespace EmergencyLink.Grains.Tests;

/// <summary>
/// Makes chosen grain calls fail, as a storage outage or a lost silo would: a test arms a number of failures for a
/// method on one grain key, and the silos' call filter throws that many times before letting calls through.
/// </summary>
public sealed class FaultInjection
{
    private readonly ConcurrentDictionary<(string Method, string Key), int> armed = new();

    public void Fail(string method, string key, int times) => armed[(method, key)] = times;

    public int Remaining(string method, string key) => armed.GetValueOrDefault((method, key));

    /// <summary>True when this call must fail; counts the failure down.</summary>
    public bool Take(string method, string key)
    {
        while (armed.TryGetValue((method, key), out var left) && left > 0)
        {
            if (armed.TryUpdate((method, key), left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
