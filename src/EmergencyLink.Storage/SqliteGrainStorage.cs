using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace EmergencyLink.Storage;

/// <summary>
/// Grain state in one SQLite file. Durability: WAL with synchronous=FULL, so a write's task completes only after its
/// commit reached the disk. Throughput: SQLite has one writer and every commit costs an fsync, so writes queue to a
/// single writer loop that commits everything queued so far in one transaction (group commit); concurrent grains
/// share the fsync instead of waiting in line for their own. Reads run on pooled connections beside the writer,
/// which WAL allows. Concurrency: each row carries a version; a write names the version it read and fails with
/// <see cref="InconsistentStateException"/> if the row moved on.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag INTEGER NOT NULL,
            payload TEXT NOT NULL,
            modified_utc TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;
        """;

    private readonly string name;
    private readonly SqliteGrainStorageOptions options;
    private readonly ILogger<SqliteGrainStorage> logger;
    private readonly TimeProvider time;
    private readonly JsonSerializerOptions json;
    private readonly string connectionString;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim startLock = new(1, 1);
    private Task? writer;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage> logger, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("SqliteGrainStorageOptions.Path is required.", nameof(options));
        }

        this.name = name;
        this.options = options;
        this.logger = logger;
        this.time = time;
        json = options.JsonOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath => Path.GetFullPath(options.Path);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(name), ServiceLifecycleStage.ApplicationServices,
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

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var connection = await OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL;", cancellationToken);
            await ExecuteAsync(connection, Schema, cancellationToken);
            Volatile.Write(ref writer, Task.Run(() => WriteLoopAsync(connection)));
            logger.LogInformation("Grain storage {Name} on {Path}", name, FilePath);
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
    }

    /// <summary>True when the file answers a query now; the host's readiness check.</summary>
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
            command.CommandText = "SELECT count(*) FROM grain_state WHERE 0;";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "Grain storage {Name} is not ready", name);
            return false;
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await StartAsync();
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;";
        Bind(command, grainId, stateName);
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

    private static T CreateDefault<T>() => typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is not null
        ? Activator.CreateInstance<T>()
        : default!;

    private static void Bind(SqliteCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$key", grainId.Key.ToString());
        command.Parameters.AddWithValue("$state", stateName);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
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
            throw new InvalidOperationException($"Grain storage {name} is stopped.");
        }

        return await pending.Completion.Task;
    }

    /// <summary>A pooled connection. Waits on a locked database are retried by the driver up to DefaultTimeout.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task WriteLoopAsync(SqliteConnection connection)
    {
        var batch = new List<PendingWrite>(options.MaxBatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < options.MaxBatchSize && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await CommitBatchAsync(connection, batch);
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private async Task CommitBatchAsync(SqliteConnection connection, List<PendingWrite> batch)
    {
        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        try
        {
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                foreach (var item in batch)
                {
                    try
                    {
                        await ApplyAsync(connection, transaction, item, now);
                    }
                    catch (Exception ex) when (ex is InconsistentStateException or SqliteException)
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
            logger.LogError(ex, "Grain storage {Name} failed to commit a batch of {Count}", name, batch.Count);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(ex);
            }
        }
    }

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, PendingWrite item, string now)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$type", item.GrainType);
        command.Parameters.AddWithValue("$key", item.GrainKey);
        command.Parameters.AddWithValue("$state", item.StateName);
        command.Parameters.AddWithValue("$etag", (object?)item.ExpectedEtag ?? DBNull.Value);
        if (item.Payload is null)
        {
            command.CommandText = item.ExpectedEtag is null
                ? "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND 0;"
                : "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND etag = $etag;";
            if (item.ExpectedEtag is not null && await command.ExecuteNonQueryAsync() == 0)
            {
                throw await ConflictAsync(connection, transaction, item);
            }

            item.NewEtag = null;
            return;
        }

        command.Parameters.AddWithValue("$payload", item.Payload);
        command.Parameters.AddWithValue("$now", now);
        command.CommandText = item.ExpectedEtag is null
            ? """
              INSERT INTO grain_state (grain_type, grain_key, state_name, etag, payload, modified_utc)
              VALUES ($type, $key, $state, 1, $payload, $now) ON CONFLICT DO NOTHING;
              """
            : """
              UPDATE grain_state SET etag = etag + 1, payload = $payload, modified_utc = $now
              WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND etag = $etag;
              """;
        if (await command.ExecuteNonQueryAsync() == 0)
        {
            throw await ConflictAsync(connection, transaction, item);
        }

        item.NewEtag = (item.ExpectedEtag ?? 0) + 1;
    }

    private static async Task<InconsistentStateException> ConflictAsync(SqliteConnection connection, SqliteTransaction transaction, PendingWrite item)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;";
        command.Parameters.AddWithValue("$type", item.GrainType);
        command.Parameters.AddWithValue("$key", item.GrainKey);
        command.Parameters.AddWithValue("$state", item.StateName);
        var stored = await command.ExecuteScalarAsync() is long etag ? etag.ToString(CultureInfo.InvariantCulture) : "none";
        var expected = item.ExpectedEtag?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return new InconsistentStateException(
            $"State {item.StateName} of {item.GrainType}/{item.GrainKey} is at version {stored}, not {expected}.", stored, expected);
    }
}
