using System.Collections.Concurrent;
using EmergencyLink.Grains.Live;

namespace EmergencyLink.Server.Live;

/// <summary>
/// Which connections opened which case, and for which ED. A SignalR group cannot be listed, so without this the
/// full-rate ECG and video of a diverted patient would keep flowing to the screens of the hospital the patient is no
/// longer going to. Local to this server: a connection is always held by the server it connected to, and it is that
/// server's live feed that must drop it (a diversion is fanned out to every server, and each drops its own).
/// Each watch also holds the case's full-rate stream open on this node (<see cref="LiveFanout.ViewAsync"/>), so other
/// nodes send this one the case's ECG and video only while somebody here watches it.
/// </summary>
public sealed class CaseWatchers(LiveFanout fanout)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string?>> byCase = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, IDisposable>> byConnection = new(StringComparer.Ordinal);

    /// <param name="edHospitalId">The hospital of an ED user; null for dispatch staff, who may watch any case.</param>
    /// <returns>Once every other node knows this one views the case: frames ingested anywhere after that come here.</returns>
    public async Task WatchAsync(string connectionId, string caseId, string? edHospitalId)
    {
        var view = await fanout.ViewAsync(caseId);
        var cases = byConnection.GetOrAdd(connectionId, _ => new ConcurrentDictionary<string, IDisposable>(StringComparer.Ordinal));
        if (!cases.TryAdd(caseId, view))
        {
            // Watched twice by one connection: one hold is enough.
            view.Dispose();
        }

        byCase.GetOrAdd(caseId, _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal))[connectionId] = edHospitalId;
    }

    public void Unwatch(string connectionId, string caseId)
    {
        if (byCase.TryGetValue(caseId, out var watchers))
        {
            watchers.TryRemove(connectionId, out _);
        }

        if (byConnection.TryGetValue(connectionId, out var cases) && cases.TryRemove(caseId, out var view))
        {
            view.Dispose();
        }
    }

    public void Disconnected(string connectionId)
    {
        if (byConnection.TryRemove(connectionId, out var cases))
        {
            foreach (var (caseId, view) in cases)
            {
                if (byCase.TryGetValue(caseId, out var watchers))
                {
                    watchers.TryRemove(connectionId, out _);
                }

                view.Dispose();
            }
        }
    }

    /// <summary>Forgets and returns the connections of the given hospital's ED that watch the case.</summary>
    public IReadOnlyList<string> TakeEdWatchers(string caseId, string hospitalId)
    {
        if (!byCase.TryGetValue(caseId, out var watchers))
        {
            return [];
        }

        var taken = watchers.Where(w => w.Value == hospitalId).Select(w => w.Key).ToArray();
        foreach (var connectionId in taken)
        {
            Unwatch(connectionId, caseId);
        }

        return taken;
    }
}
