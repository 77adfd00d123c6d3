using Conversations.Storage.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.PostgreSql;

/// <summary>Writes, claims and deletes of <c>stream_outbox</c> (deploy/postgresql/016_stream_outbox.sql).</summary>
internal static class PostgreSqlOutboxRows
{
    private const string Claim = """
        UPDATE stream_outbox AS o SET attempt_after = now() + @lease
        FROM (SELECT outbox_id, item_kind FROM stream_outbox WHERE attempt_after <= now()
              ORDER BY attempt_after LIMIT @limit FOR UPDATE SKIP LOCKED) AS due
        WHERE o.outbox_id = due.outbox_id AND o.item_kind = due.item_kind
        RETURNING o.outbox_id, o.item_kind, o.item_ids
        """;

    public const string Delete = "DELETE FROM stream_outbox WHERE outbox_id = ANY(@ids)";

    /// <summary>
    /// Wraps an insert that returns <c>id</c> and <c>position</c> of the rows it stored so that the same statement
    /// records those ids in the outbox (one row, none when nothing was new) and still returns the inserted rows.
    /// </summary>
    public static string Recording(string insertReturningIdAndPosition, OutboxItemKind kind) => $"""
        WITH inserted AS ({insertReturningIdAndPosition}),
        recorded AS (
            INSERT INTO stream_outbox (outbox_id, item_kind, item_ids, attempt_after)
            SELECT @outbox_id, {(short)kind}, array_agg(id ORDER BY position), now() + @retry_after FROM inserted HAVING count(*) > 0)
        SELECT id, position FROM inserted
        """;

    /// <summary>The parameters of <see cref="Recording"/>: the transaction's outbox id and how long its rows wait to be published.</summary>
    public static void AddRecordingParameters(NpgsqlParameterCollection parameters, Guid outboxId, TimeSpan retryAfter)
    {
        parameters.Add(new NpgsqlParameter<Guid>("outbox_id", NpgsqlDbType.Uuid) { TypedValue = outboxId });
        parameters.Add(new NpgsqlParameter<TimeSpan>("retry_after", NpgsqlDbType.Interval) { TypedValue = retryAfter });
    }

    /// <summary>Leases up to <paramref name="limit"/> due rows: (outbox id, kind, ids).</summary>
    public static async Task<List<(Guid Id, OutboxItemKind Kind, string[] ItemIds)>> ClaimAsync(
        NpgsqlDataSource dataSource, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Claim);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("lease", NpgsqlDbType.Interval) { TypedValue = lease });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var rows = new List<(Guid, OutboxItemKind, string[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add((reader.GetGuid(0), (OutboxItemKind)reader.GetInt16(1), reader.GetFieldValue<string[]>(2)));
        return rows;
    }
}
