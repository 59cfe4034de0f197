using System.Collections.Concurrent;

namespace EmergencyLink.Server.Live;

/// <summary>
/// Which connections opened which case, and for which ED. A SignalR group cannot be listed, so without this the
/// full-rate ECG and video of a diverted patient would keep flowing to the screens of the hospital the patient is no
/// longer going to. Local to this server: a connection is always held by the server it connected to, and it is that
/// server's live feed that must drop it (a multi-server deployment needs the removal fanned out to every server).
/// </summary>
public sealed class CaseWatchers
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string?>> byCase = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> byConnection = new(StringComparer.Ordinal);

    /// <param name="edHospitalId">The hospital of an ED user; null for dispatch staff, who may watch any case.</param>
    public void Watch(string connectionId, string caseId, string? edHospitalId)
    {
        byCase.GetOrAdd(caseId, _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal))[connectionId] = edHospitalId;
        byConnection.GetOrAdd(connectionId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[caseId] = 0;
    }

    public void Unwatch(string connectionId, string caseId)
    {
        if (byCase.TryGetValue(caseId, out var watchers))
        {
            watchers.TryRemove(connectionId, out _);
        }

        if (byConnection.TryGetValue(connectionId, out var cases))
        {
            cases.TryRemove(caseId, out _);
        }
    }

    public void Disconnected(string connectionId)
    {
        if (byConnection.TryRemove(connectionId, out var cases))
        {
            foreach (var caseId in cases.Keys)
            {
                if (byCase.TryGetValue(caseId, out var watchers))
                {
                    watchers.TryRemove(connectionId, out _);
                }
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
