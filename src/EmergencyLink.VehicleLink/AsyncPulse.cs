namespace EmergencyLink.VehicleLink;

/// <summary>Wakes every waiter on each change; a waiter takes <see cref="Next"/> before checking its condition, so no change slips between.</summary>
internal sealed class AsyncPulse
{
    private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref current).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
