namespace EmergencyLink.Ehr;

/// <summary>
/// Which process sends a hospital's documents, and news of documents queued by other processes. A hospital's queue
/// is ordered only if one process works it at a time; with one outbox per server that is trivially this one
/// (<see cref="SingleServerSenderElection"/>), with a shared outbox the nodes elect one
/// (<see cref="PostgreSqlSenderElection"/>).
/// </summary>
public interface IEhrSenderElection : IAsyncDisposable
{
    /// <summary>
    /// How long a process that is not a hospital's sender waits before trying again, and the longest an idle sender
    /// goes without looking at its queue when no wake-up came; infinite when every document is queued in this process.
    /// </summary>
    TimeSpan PollInterval { get; }

    /// <summary>Starts reporting the hospitals that another process queued documents for; returns once it listens or has tried.</summary>
    Task StartAsync(Action<string> documentsQueued, CancellationToken cancellationToken);

    /// <summary>Makes this process the hospital's sender if no other process is; null if one is (or the election cannot be reached).</summary>
    Task<IEhrSenderClaim?> TryClaimAsync(string hospitalId, CancellationToken cancellationToken);
}
