using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EmergencyLink.Ehr;

/// <summary>
/// One sender per hospital across the cluster: the node whose session holds the hospital's PostgreSQL advisory lock
/// (<c>pg_try_advisory_lock</c>, session level) sends its documents; the others try again every
/// <see cref="PollInterval"/>. The locks live on one dedicated, unpooled connection per node, so they last exactly as
/// long as that session: a node that stops releases them, and a node that dies loses them when PostgreSQL sees its
/// connection close (at once when the process is killed and its OS resets the socket; within about 25 s of
/// keepalives, set on the session below, when the whole machine vanishes). Another node then takes the hospital
/// over at its next try.
/// <para>
/// Why a stale sender is harmless: the lock only makes two senders rare, it cannot make them impossible. A holder
/// checks its lock (on the same session) before every attempt, but its session may end just after the check, while
/// its request is in flight, and the successor may then send the same head document, or the holder's late request
/// may arrive after the successor's later versions. Both are the at-least-once resend the sender already makes after
/// a lost response: same <c>X-Request-Id</c> and, in both modes, a conditional create on the Bundle's identifier
/// (<c>If-None-Exist</c> header, or the transaction entry's <c>ifNoneExist</c>), so a receiver that honours either
/// stores the version once and a late duplicate of an older version creates nothing that could supersede a newer
/// one. The stale holder's bookkeeping cannot rewind the outbox either: its writes touch only rows still pending
/// (see <see cref="PostgreSqlEhrOutbox"/>). A receiver that honours neither may store a version twice, exactly as
/// after a lost response on a single server.
/// </para>
/// <para>
/// Wake-ups: an enqueue on any node NOTIFYs the hospital on commit, and every node LISTENs on its own connection, so
/// the sender hears of a document queued elsewhere within a round trip, without polling the queue. A notification can
/// be lost while the listening connection is being re-made, so an idle sender also looks at its queue every
/// <see cref="PollInterval"/>: the notification is for promptness, the poll for completeness.
/// </para>
/// </summary>
public sealed class PostgreSqlSenderElection : IEhrSenderElection
{
    /// <summary>The first key of every EHR sender lock ("EHRS"), keeping them apart from other advisory locks.</summary>
    public const int LockClass = 0x4548_5253;

    /// <summary>Marks the election's sessions in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "emergencylink-ehr-election";

    private readonly string connectionString;
    private readonly ILogger<PostgreSqlSenderElection> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private NpgsqlConnection? locks;
    private long generation;
    private Task listening = Task.CompletedTask;

    public PostgreSqlSenderElection(string connectionString, TimeSpan pollInterval, ILogger<PostgreSqlSenderElection> logger)
    {
        this.connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Unpooled: closing the connection must end the session, since ending it is what releases the locks.
            Pooling = false,
            ApplicationName = ApplicationName,
            CommandTimeout = 15,
        }.ConnectionString;
        PollInterval = pollInterval;
        this.logger = logger;
    }

    public TimeSpan PollInterval { get; }

    /// <summary>The second key of a hospital's lock. Two hospitals that collide share a sender, which is only less spread.</summary>
    public static int LockKey(string hospitalId) =>
        BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalId))) & int.MaxValue;

    public async Task StartAsync(Action<string> documentsQueued, CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listening = Task.Run(() => ListenAsync(documentsQueued, ready, stopping.Token), CancellationToken.None);
        await ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IEhrSenderClaim?> TryClaimAsync(string hospitalId, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await LockConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = LockCommand(connection, "SELECT pg_try_advisory_lock(@class, @key)", hospitalId);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!
                ? new PostgreSqlSenderClaim(this, hospitalId, generation)
                : null;
        }
        catch (NpgsqlException e)
        {
            EhrLog.ElectionFailed(logger, e);
            await DropLockConnectionAsync().ConfigureAwait(false);
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropLockConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }

        stopping.Dispose();
    }

    internal async Task<bool> StillHeldAsync(PostgreSqlSenderClaim claim, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A claim is good only on the session that took it: after a reconnect the locks of the old one are gone.
            if (claim.Generation != generation || locks is null)
            {
                return false;
            }

            await using var command = LockCommand(locks, """
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
                    AND classid::bigint = @class AND objid::bigint = @key AND objsubid = 2 AND granted)
                """, claim.HospitalId);
            return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (NpgsqlException e)
        {
            EhrLog.ElectionFailed(logger, e);
            await DropLockConnectionAsync().ConfigureAwait(false);
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    internal async Task ReleaseAsync(PostgreSqlSenderClaim claim)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (claim.Generation == generation && locks is not null)
            {
                await using var command = LockCommand(locks, "SELECT pg_advisory_unlock(@class, @key)", claim.HospitalId);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException e)
        {
            // Dropping the session releases the lock all the same.
            EhrLog.ElectionFailed(logger, e);
            await DropLockConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static NpgsqlCommand LockCommand(NpgsqlConnection connection, string sql, string hospitalId)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("class", LockClass);
        command.Parameters.AddWithValue("key", LockKey(hospitalId));
        return command;
    }

    /// <summary>The session holding this node's locks, opened anew (a new generation) if there is none.</summary>
    private async Task<NpgsqlConnection> LockConnectionAsync(CancellationToken cancellationToken)
    {
        if (locks is not null)
        {
            return locks;
        }

        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // PostgreSQL notices a dead client only when it hears nothing back: without keepalives, an idle session of
            // a machine that vanished (no reset sent) would keep its locks for the OS default of two hours.
            await using var keepalive = new NpgsqlCommand(
                "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3", connection);
            await keepalive.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        generation++;
        locks = connection;
        return connection;
    }

    private async Task DropLockConnectionAsync()
    {
        if (locks is not null)
        {
            await locks.DisposeAsync().ConfigureAwait(false);
            locks = null;
        }
    }

    private async Task ListenAsync(Action<string> documentsQueued, TaskCompletionSource ready, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = new NpgsqlConnection(connectionString);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                    connection.Notification += (_, e) => documentsQueued(e.Payload);
                    await using (var listen = new NpgsqlCommand("LISTEN " + PostgreSqlEhrOutbox.NotifyChannel, connection))
                    {
                        await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    }

                    ready.TrySetResult();
                    while (true)
                    {
                        if (!await connection.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false))
                        {
                            // Quiet for a while: make sure that is not a dead connection swallowing notifications.
                            await using var ping = new NpgsqlCommand("SELECT 1", connection);
                            await ping.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever broke the connection, listening must go on: re-make it after a pause.
            catch (Exception e)
#pragma warning restore CA1031
            {
                EhrLog.ListenFailed(logger, e);
                ready.TrySetResult();
                try
                {
                    await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
