using Conversations.Abstractions.Timeline;
using Conversations.Storage.GroupCommit;
using Conversations.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.Archive;

/// <summary>The delivery archive in PostgreSQL (table <c>webhook_deliveries</c>), group-committed.</summary>
public sealed class PostgreSqlDeliveryArchive : IDeliveryArchive, IAsyncDisposable
{
    private const string Select = """
        SELECT id, provider, received_at, content_type, headers::text, body, outcome FROM webhook_deliveries
        WHERE id > @after AND (@provider::text IS NULL OR provider = @provider)
          AND (@from::timestamptz IS NULL OR received_at >= @from) AND (@to::timestamptz IS NULL OR received_at < @to)
        ORDER BY id LIMIT @limit
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitQueue<RawDelivery, long> _queue;

    public PostgreSqlDeliveryArchive(NpgsqlDataSource dataSource, int maxBatchSize, int writers)
    {
        _dataSource = dataSource;
        _queue = new("archive", CommitAsync, maxBatchSize, writers, refusalOf: PostgreSqlFailures.RefusalOf);
    }

    public Task<long> StoreAsync(RawDelivery delivery, CancellationToken cancellationToken = default) =>
        _queue.EnqueueAsync(delivery, cancellationToken);

    private async Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<RawDelivery> deliveries, CancellationToken cancellationToken)
    {
        try
        {
            return await CommitOnceAsync(deliveries, cancellationToken);
        }
        catch (NpgsqlException)
        {
            PostgreSqlFailures.ForgetPooledConnections(_dataSource);
            throw;
        }
    }

    private async Task<IReadOnlyList<long>> CommitOnceAsync(IReadOnlyList<RawDelivery> deliveries, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // A single INSERT commits on its own (autocommit): one transaction, one fsync, for the whole batch.
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { PostgreSqlDeliveryRows.InsertCommand(deliveries) } };
        var ids = new List<long>(deliveries.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        ids.Sort();
        return ids;
    }

    public Task<IReadOnlyList<ArchivedDelivery>> ReadAsync(DeliveryFilter filter, long afterId, int limit, CancellationToken cancellationToken = default) =>
        PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(_dataSource, token => ReadOnceAsync(filter, afterId, limit, token), cancellationToken);

    private async Task<IReadOnlyList<ArchivedDelivery>> ReadOnceAsync(DeliveryFilter filter, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Select);
        command.Parameters.AddWithValue("after", afterId);
        command.Parameters.Add(new NpgsqlParameter("provider", NpgsqlDbType.Text) { Value = (object?)filter.Provider ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)filter.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)filter.To?.UtcDateTime ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<ArchivedDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new ArchivedDelivery(reader.GetInt64(0), new RawDelivery(
                reader.GetString(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetString(3),
                HeaderJson.Deserialize(reader.GetString(4)), (byte[])reader.GetValue(5), reader.GetString(6))));
        }
        return deliveries;
    }

    public async Task<int> DeleteReceivedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM webhook_deliveries WHERE received_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _queue.DisposeAsync();
}
