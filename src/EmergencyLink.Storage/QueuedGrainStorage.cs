using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace EmergencyLink.Storage;

/// <summary>
/// What every grain-state store here shares: one row per (grain type, key, state name) holding JSON and a version
/// (the ETag), and writes queued to a single writer loop that commits everything queued so far in one transaction
/// (group commit), so concurrent grains share a commit's flush instead of waiting in line for their own.
/// Concurrency: a write names the version it read and fails with <see cref="InconsistentStateException"/> if the row
/// moved on — whoever moved it (another grain activation, another node). The SQL is the subset SQLite and PostgreSQL
/// both speak (<c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>); a provider supplies connections and its schema.
/// </summary>
public abstract class QueuedGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const string SelectRow = "SELECT etag, payload FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @state;";

    private readonly int maxBatchSize;
    private readonly TimeProvider time;
    private readonly JsonSerializerOptions json;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim startLock = new(1, 1);
    private Task? writer;

    protected QueuedGrainStorage(string name, int maxBatchSize, JsonSerializerOptions? json, ILogger logger, TimeProvider time)
    {
        Name = name;
        Logger = logger;
        this.maxBatchSize = Math.Max(1, maxBatchSize);
        this.time = time;
        this.json = json ?? new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    }

    protected string Name { get; }

    protected ILogger Logger { get; }

    /// <summary>Where the state lives, for the logs (a file, a host and database).</summary>
    protected abstract string Location { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<QueuedGrainStorage>(Name), ServiceLifecycleStage.ApplicationServices,
            StartAsync, StopAsync);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        // Every read and write comes through here; once started, that must cost nothing.
        if (Volatile.Read(ref writer) is not null)
        {
            return;
        }

        await startLock.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null)
            {
                return;
            }

            var connection = await OpenWriterAsync(cancellationToken);
            Volatile.Write(ref writer, Task.Run(() => WriteLoopAsync(connection)));
            Logger.LogInformation("Grain storage {Name} on {Location}", Name, Location);
        }
        finally
        {
            startLock.Release();
        }
    }

    /// <summary>Stops taking writes and waits until every queued one is committed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        queue.Writer.TryComplete();
        if (writer is not null)
        {
            await writer.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        startLock.Dispose();
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>True when the store answers a query now; the host's readiness check.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (writer is null || writer.IsCompleted)
        {
            return false;
        }

        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM grain_state WHERE 1 = 0;";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (DbException ex)
        {
            Logger.LogWarning(ex, "Grain storage {Name} is not ready", Name);
            return false;
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await StartAsync();
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectRow;
        Bind(command, grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = CreateDefault<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var etag = reader.GetInt64(0);
        grainState.State = JsonSerializer.Deserialize<T>(reader.GetString(1), json) ?? CreateDefault<T>();
        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = JsonSerializer.Serialize(grainState.State, json);
        var etag = await EnqueueAsync(stateName, grainId, grainState.ETag, payload);
        grainState.ETag = etag!.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await EnqueueAsync(stateName, grainId, grainState.ETag, payload: null);
        grainState.State = CreateDefault<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>A connection for a read; pooled by the provider.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates or migrates the schema, then opens the connection the writer loop keeps.</summary>
    protected abstract Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>How the modification time is stored.</summary>
    protected abstract object Timestamp(DateTimeOffset now);

    /// <summary>
    /// Whether a database error on one write leaves the batch's transaction usable for the others. SQLite: yes (the
    /// statement is undone alone). PostgreSQL: no (the transaction is aborted), so the whole batch fails.
    /// </summary>
    protected abstract bool ItemErrorLeavesTransactionUsable { get; }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    private static T CreateDefault<T>() => typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is not null
        ? Activator.CreateInstance<T>()
        : default!;

    private static void Bind(DbCommand command, string type, string key, string state)
    {
        Add(command, "@type", type);
        Add(command, "@key", key);
        Add(command, "@state", state);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<long?> EnqueueAsync(string stateName, GrainId grainId, string? etag, string? payload)
    {
        await StartAsync();
        long? expected = null;
        if (etag is not null)
        {
            if (!long.TryParse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new InconsistentStateException($"ETag '{etag}' was not issued by this storage.", "unknown", etag);
            }

            expected = parsed;
        }

        var pending = new PendingWrite(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName, expected, payload);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException($"Grain storage {Name} is stopped.");
        }

        return await pending.Completion.Task;
    }

    private async Task WriteLoopAsync(DbConnection connection)
    {
        var batch = new List<PendingWrite>(maxBatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                // A database server that restarted (or a network blip) breaks the writer's connection: open another
                // rather than failing every later write; a batch that meets the break fails to its callers.
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    try
                    {
                        await connection.DisposeAsync();
                        connection = await OpenAsync(CancellationToken.None);
                    }
                    catch (DbException ex)
                    {
                        Logger.LogError(ex, "Grain storage {Name} cannot reconnect; failing a batch of {Count}", Name, batch.Count);
                        batch.ForEach(w => w.Completion.TrySetException(ex));
                        await Task.Delay(TimeSpan.FromMilliseconds(500), time);
                        continue;
                    }
                }

                await CommitBatchAsync(connection, batch);
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private async Task CommitBatchAsync(DbConnection connection, List<PendingWrite> batch)
    {
        var now = Timestamp(time.GetUtcNow());

        // Rows are locked in one global order (stable, so one grain's writes keep theirs): two nodes' batches touching
        // the same rows then wait for each other instead of deadlocking.
        var ordered = batch.OrderBy(w => w.GrainType, StringComparer.Ordinal).ThenBy(w => w.GrainKey, StringComparer.Ordinal)
            .ThenBy(w => w.StateName, StringComparer.Ordinal).ToList();
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                foreach (var item in ordered)
                {
                    try
                    {
                        await ApplyAsync(connection, transaction, item, now);
                    }
                    catch (InconsistentStateException ex)
                    {
                        item.Failure = ex;
                    }
                    catch (DbException ex) when (ItemErrorLeavesTransactionUsable)
                    {
                        item.Failure = ex;
                    }
                }

                await transaction.CommitAsync();
            }

            foreach (var item in batch)
            {
                if (item.Failure is { } failure)
                {
                    item.Completion.TrySetException(failure);
                }
                else
                {
                    item.Completion.TrySetResult(item.NewEtag);
                }
            }
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Grain storage {Name} failed to commit a batch of {Count}", Name, batch.Count);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(ex);
            }
        }
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, PendingWrite item, object now)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        Bind(command, item.GrainType, item.GrainKey, item.StateName);
        if (item.Payload is null)
        {
            // Clearing a state that was never written is a no-op; clearing a written one must name its version.
            if (item.ExpectedEtag is { } etag)
            {
                Add(command, "@etag", etag);
                command.CommandText = "DELETE FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @state AND etag = @etag;";
                if (await command.ExecuteNonQueryAsync() == 0)
                {
                    throw await ConflictAsync(connection, transaction, item);
                }
            }

            item.NewEtag = null;
            return;
        }

        Add(command, "@payload", item.Payload);
        Add(command, "@now", now);
        if (item.ExpectedEtag is { } expected)
        {
            Add(command, "@etag", expected);
            command.CommandText = """
                UPDATE grain_state SET etag = etag + 1, payload = @payload, modified_utc = @now
                WHERE grain_type = @type AND grain_key = @key AND state_name = @state AND etag = @etag;
                """;
        }
        else
        {
            command.CommandText = """
                INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, modified_utc)
                VALUES (@type, @key, @state, 1, @payload, @now) ON CONFLICT DO NOTHING;
                """;
        }

        if (await command.ExecuteNonQueryAsync() == 0)
        {
            throw await ConflictAsync(connection, transaction, item);
        }

        item.NewEtag = (item.ExpectedEtag ?? 0) + 1;
    }

    private static async Task<InconsistentStateException> ConflictAsync(DbConnection connection, DbTransaction transaction, PendingWrite item)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @state;";
        Bind(command, item.GrainType, item.GrainKey, item.StateName);
        var stored = await command.ExecuteScalarAsync() is long etag ? etag.ToString(CultureInfo.InvariantCulture) : "none";
        var expected = item.ExpectedEtag?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return new InconsistentStateException(
            $"State {item.StateName} of {item.GrainType}/{item.GrainKey} is at version {stored}, not {expected}.", stored, expected);
    }
}
