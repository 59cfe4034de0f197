using Npgsql;

namespace EmergencyLink.Ehr;

/// <summary>
/// The durable queue of handover documents in PostgreSQL, shared by every node of a cluster, so that a document
/// queued on a node that dies is still delivered (by whichever node sends for its hospital, see
/// <see cref="PostgreSqlSenderElection"/>), and one case's versions queued on different nodes form one queue.
/// Every write is its own transaction with <c>synchronous_commit=on</c> (whatever the server's default), so an
/// enqueue that returned survives a crash of the database too. There is no writer loop as in the SQLite outbox:
/// documents come a few per case update, writes arrive on pooled connections, and PostgreSQL already lets
/// concurrent commits share a WAL flush.
/// </summary>
public sealed class PostgreSqlEhrOutbox : IEhrOutbox
{
    public const string Component = "ehr_outbox";

    /// <summary>The LISTEN/NOTIFY channel an enqueue announces its hospital on; sent on commit only.</summary>
    public const string NotifyChannel = "ehr_outbox";

    /// <summary>Migration steps, applied once each, in order; append, never edit.</summary>
    public static readonly IReadOnlyList<string> Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS ehr_pending (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            hospital text NOT NULL,
            case_id text NOT NULL,
            version integer NOT NULL,
            reason text NOT NULL,
            bundle text NOT NULL,
            enqueued_at timestamptz NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            UNIQUE (hospital, case_id, version));
        CREATE INDEX IF NOT EXISTS ehr_pending_by_hospital ON ehr_pending (hospital, id);
        CREATE TABLE IF NOT EXISTS ehr_rejected (
            id bigint PRIMARY KEY,
            hospital text NOT NULL,
            case_id text NOT NULL,
            version integer NOT NULL,
            reason text NOT NULL,
            bundle text NOT NULL,
            enqueued_at timestamptz NOT NULL,
            attempts integer NOT NULL,
            status_code integer NOT NULL,
            outcome text NOT NULL,
            rejected_at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS ehr_rejected_by_hospital ON ehr_rejected (hospital, id);
        CREATE TABLE IF NOT EXISTS ehr_versions (
            hospital text NOT NULL,
            case_id text NOT NULL,
            last_version integer NOT NULL,
            PRIMARY KEY (hospital, case_id));
        CREATE TABLE IF NOT EXISTS ehr_hospitals (
            hospital text PRIMARY KEY,
            delivered_case text,
            delivered_version integer,
            delivered_at timestamptz,
            error_case text,
            error_version integer,
            error text,
            error_at timestamptz);
        """,
    ];

    private const string PendingColumns = "id, hospital, case_id, version, reason, bundle, enqueued_at, attempts";

    private readonly NpgsqlDataSource dataSource;
    private readonly PostgreSqlMigration migrate;
    private Task? schema;

    private PostgreSqlEhrOutbox(NpgsqlDataSource dataSource, PostgreSqlMigration migrate)
    {
        this.dataSource = dataSource;
        this.migrate = migrate;
    }

    /// <summary>
    /// An outbox on its own connection pool. Its tables are created on first use, which the push service makes at
    /// start (it reads what is pending).
    /// </summary>
    public static PostgreSqlEhrOutbox Open(string connectionString, PostgreSqlMigration migrate) =>
        new(NpgsqlDataSource.Create(connectionString), migrate);

    /// <summary>
    /// Creates or migrates the tables once; several nodes starting at once take turns under the migration's advisory
    /// lock. A failed attempt (the database was unreachable) is not remembered: the next use tries again.
    /// </summary>
    public Task EnsureSchemaAsync()
    {
        var current = Volatile.Read(ref schema);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            current = migrate(dataSource, Component, Schema, CancellationToken.None);
            Volatile.Write(ref schema, current);
        }

        return current;
    }

    /// <remarks>
    /// The upsert of the case's last version comes first and locks its row until commit, so two nodes enqueueing
    /// versions of one case take turns: the lower version commits (and takes its queue id) first or is found stale,
    /// and within a hospital a case's versions are queued in version order whichever nodes they came through.
    /// </remarks>
    public async Task<EhrEnqueueOutcome> EnqueueAsync(EhrDocument document, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var durable = new NpgsqlCommand("SET LOCAL synchronous_commit = on", connection, transaction))
        {
            await durable.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using (var claim = Command(connection, transaction, """
            INSERT INTO ehr_versions (hospital, case_id, last_version) VALUES (@h, @c, @v)
            ON CONFLICT (hospital, case_id) DO UPDATE SET last_version = excluded.last_version
            WHERE ehr_versions.last_version < excluded.last_version
            RETURNING last_version
            """, ("h", document.HospitalId), ("c", document.CaseId), ("v", document.Version)))
        {
            if (await claim.ExecuteScalarAsync().ConfigureAwait(false) is null)
            {
                // Not newer. The row is locked by the upsert, so what it reads now is what made it so.
                await using var last = Command(connection, transaction, "SELECT last_version FROM ehr_versions WHERE hospital = @h AND case_id = @c",
                    ("h", document.HospitalId), ("c", document.CaseId));
                var lastVersion = (int)(await last.ExecuteScalarAsync().ConfigureAwait(false))!;
                await transaction.RollbackAsync().ConfigureAwait(false);
                return document.Version == lastVersion ? EhrEnqueueOutcome.Duplicate : EhrEnqueueOutcome.Stale;
            }
        }

        await using (var insert = Command(connection, transaction, """
            INSERT INTO ehr_pending (hospital, case_id, version, reason, bundle, enqueued_at) VALUES (@h, @c, @v, @r, @b, @t);
            SELECT pg_notify(@channel, @h);
            """,
            ("h", document.HospitalId), ("c", document.CaseId), ("v", document.Version), ("r", document.Reason),
            ("b", document.BundleJson), ("t", now.ToUniversalTime()), ("channel", NotifyChannel)))
        {
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return EhrEnqueueOutcome.Queued;
    }

    public async Task<EhrPendingDocument?> PeekHeadAsync(string hospitalId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT {PendingColumns} FROM ehr_pending WHERE hospital = @h ORDER BY id LIMIT 1", ("h", hospitalId));
        await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await row.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new EhrPendingDocument(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetString(4),
                row.GetString(5), row.GetFieldValue<DateTimeOffset>(6), row.GetInt32(7))
            : null;
    }

    // The writes below act only if the row is still pending: a sender that lost its claim mid-attempt (see
    // PostgreSqlSenderElection) may report on a document its successor has already delivered, and must not then
    // rewind the hospital's last delivery or error to an older document.
    public Task MarkDeliveredAsync(EhrPendingDocument document, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExecuteAsync("""
            WITH gone AS (DELETE FROM ehr_pending WHERE id = @id RETURNING hospital)
            INSERT INTO ehr_hospitals (hospital, delivered_case, delivered_version, delivered_at)
            SELECT hospital, @c, @v, @t FROM gone
            ON CONFLICT (hospital) DO UPDATE SET delivered_case = excluded.delivered_case,
                delivered_version = excluded.delivered_version, delivered_at = excluded.delivered_at
            """, ("id", document.Id), ("c", document.CaseId), ("v", document.Version), ("t", at.ToUniversalTime()));
    }

    public Task RecordFailureAsync(EhrPendingDocument document, string error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExecuteAsync("""
            WITH counted AS (UPDATE ehr_pending SET attempts = attempts + 1 WHERE id = @id RETURNING hospital)
            INSERT INTO ehr_hospitals (hospital, error_case, error_version, error, error_at)
            SELECT hospital, @c, @v, @e, @t FROM counted
            ON CONFLICT (hospital) DO UPDATE SET error_case = excluded.error_case, error_version = excluded.error_version,
                error = excluded.error, error_at = excluded.error_at
            """, ("id", document.Id), ("c", document.CaseId), ("v", document.Version), ("e", error), ("t", at.ToUniversalTime()));
    }

    public Task RejectAsync(EhrPendingDocument document, int statusCode, string outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExecuteAsync("""
            WITH gone AS (DELETE FROM ehr_pending WHERE id = @id RETURNING *)
            INSERT INTO ehr_rejected (id, hospital, case_id, version, reason, bundle, enqueued_at, attempts, status_code, outcome, rejected_at)
            SELECT id, hospital, case_id, version, reason, bundle, enqueued_at, attempts + 1, @s, @o, @t FROM gone
            """, ("id", document.Id), ("s", statusCode), ("o", outcome), ("t", at.ToUniversalTime()));
    }

    public async Task<IReadOnlyDictionary<string, int>> PendingByHospitalAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT hospital, count(*)::integer FROM ehr_pending GROUP BY hospital");
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[rows.GetString(0)] = rows.GetInt32(1);
        }

        return counts;
    }

    public async Task<EhrQueueState> ReadStateAsync(string hospitalId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for the three reads, so the counts and the head agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, transaction, """
            SELECT (SELECT count(*)::integer FROM ehr_pending WHERE hospital = @h),
                   (SELECT enqueued_at FROM ehr_pending WHERE hospital = @h ORDER BY id LIMIT 1),
                   (SELECT attempts FROM ehr_pending WHERE hospital = @h ORDER BY id LIMIT 1),
                   (SELECT count(*)::integer FROM ehr_rejected WHERE hospital = @h);
            SELECT delivered_case, delivered_version, delivered_at, error_case, error_version, error, error_at
            FROM ehr_hospitals WHERE hospital = @h;
            SELECT case_id, version, status_code, outcome, rejected_at FROM ehr_rejected WHERE hospital = @h ORDER BY id DESC LIMIT 1;
            """, ("h", hospitalId));
        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await rows.ReadAsync(cancellationToken).ConfigureAwait(false);
        var pending = rows.GetInt32(0);
        DateTimeOffset? oldest = rows.IsDBNull(1) ? null : rows.GetFieldValue<DateTimeOffset>(1);
        var headAttempts = rows.IsDBNull(2) ? 0 : rows.GetInt32(2);
        var rejected = rows.GetInt32(3);

        EhrDelivery? delivered = null;
        EhrFailure? error = null;
        await rows.NextResultAsync(cancellationToken).ConfigureAwait(false);
        if (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!rows.IsDBNull(0))
            {
                delivered = new EhrDelivery(rows.GetString(0), rows.GetInt32(1), rows.GetFieldValue<DateTimeOffset>(2));
            }

            if (!rows.IsDBNull(3))
            {
                error = new EhrFailure(rows.GetString(3), rows.GetInt32(4), rows.GetString(5), rows.GetFieldValue<DateTimeOffset>(6));
            }
        }

        EhrRejection? lastRejected = null;
        await rows.NextResultAsync(cancellationToken).ConfigureAwait(false);
        if (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lastRejected = new EhrRejection(rows.GetString(0), rows.GetInt32(1), rows.GetInt32(2), rows.GetString(3), rows.GetFieldValue<DateTimeOffset>(4));
        }

        return new EhrQueueState(pending, oldest, headAttempts, delivered, error, rejected, lastRejected);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using (var durable = new NpgsqlCommand("SET LOCAL synchronous_commit = on", connection, transaction))
        {
            await durable.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using (var command = Command(connection, transaction, sql, parameters))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
