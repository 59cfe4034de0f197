namespace EmergencyLink.Ehr;

/// <summary>
/// The election of a server with its own outbox file: nobody else reads that file, so this process is always every
/// hospital's sender, and every document is queued here, where <see cref="EhrPushService"/> wakes its sender itself.
/// </summary>
public sealed class SingleServerSenderElection : IEhrSenderElection, IEhrSenderClaim
{
    public TimeSpan PollInterval => Timeout.InfiniteTimeSpan;

    public Task StartAsync(Action<string> documentsQueued, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IEhrSenderClaim?> TryClaimAsync(string hospitalId, CancellationToken cancellationToken) => Task.FromResult<IEhrSenderClaim?>(this);

    public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
