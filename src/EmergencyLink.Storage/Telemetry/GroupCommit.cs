using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>
/// The writer loop both archives run: every store queued while the previous commit ran goes into the next commit (one
/// fsync for all of them), and a commit the database refuses is retried store by store, so one store it cannot take
/// fails alone instead of failing every store that happened to share its commit. A failed store is not acknowledged;
/// the gateway keeps its frames and sends them again.
/// </summary>
internal static class GroupCommit
{
    public static async Task RunAsync(
        ChannelReader<PendingStore> queue,
        TelemetryArchiveOptions options,
        Func<List<PendingStore>, Task> commitAsync,
        Func<Exception, bool> isStoreFailure,
        ILogger logger)
    {
        var batch = new List<PendingStore>();
        while (await queue.WaitToReadAsync())
        {
            if (options.CommitInterval > TimeSpan.Zero)
            {
                await Task.Delay(options.CommitInterval);
            }

            var frames = 0;
            while (frames < options.MaxBatchFrames && queue.TryRead(out var pending))
            {
                batch.Add(pending);
                frames += pending.Entries.Count;
            }

            try
            {
                await commitAsync(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception e) when (isStoreFailure(e))
            {
                if (batch.Count == 1)
                {
                    logger.LogError(e, "Telemetry archive write of {Frames} frames failed", batch[0].Entries.Count);
                    batch[0].Done.TrySetException(e);
                }
                else
                {
                    logger.LogWarning(e, "Telemetry archive commit of {Count} stores failed; committing them one by one", batch.Count);
                    await CommitEachAloneAsync(batch, commitAsync, isStoreFailure, logger);
                }
            }

            batch.Clear();
        }
    }

    private static async Task CommitEachAloneAsync(
        List<PendingStore> batch, Func<List<PendingStore>, Task> commitAsync, Func<Exception, bool> isStoreFailure, ILogger logger)
    {
        foreach (var pending in batch)
        {
            try
            {
                await commitAsync([pending]);
                pending.Done.TrySetResult();
            }
            catch (Exception e) when (isStoreFailure(e))
            {
                logger.LogError(e, "Telemetry archive write of {Frames} frames failed", pending.Entries.Count);
                pending.Done.TrySetException(e);
            }
        }
    }
}
