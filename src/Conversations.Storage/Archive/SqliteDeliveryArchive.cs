using Conversations.Abstractions.Timeline;
using Conversations.Storage.GroupCommit;
using Conversations.Storage.Sqlite;

namespace Conversations.Storage.Archive;

/// <summary>
/// The delivery archive in the embedded SQLite file, group-committed by one writer; reads and deletes run off the
/// caller's thread (<see cref="OffTheCallersThread"/>).
/// </summary>
public sealed class SqliteDeliveryArchive : IDeliveryArchive, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly GroupCommitQueue<RawDelivery, long> _queue;

    public SqliteDeliveryArchive(SqliteDatabase database, int maxBatchSize)
    {
        _database = database;
        _queue = new("archive", CommitAsync, maxBatchSize, writers: 1, refusalOf: SqliteFailures.RefusalOf);
    }

    public Task<long> StoreAsync(RawDelivery delivery, CancellationToken cancellationToken = default) =>
        _queue.EnqueueAsync(delivery, cancellationToken);

    private Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<RawDelivery> deliveries, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var ids = SqliteDeliveryRows.Insert(connection, transaction, deliveries);
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<long>>(ids);
    }

    public Task<IReadOnlyList<ArchivedDelivery>> ReadAsync(DeliveryFilter filter, long afterId, int limit, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() => Read(filter, afterId, limit), cancellationToken);

    private IReadOnlyList<ArchivedDelivery> Read(DeliveryFilter filter, long afterId, int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, provider, received_at, content_type, headers, body, outcome FROM webhook_deliveries
            WHERE id > $after AND ($provider IS NULL OR provider = $provider)
              AND ($from IS NULL OR received_at >= $from) AND ($to IS NULL OR received_at < $to)
            ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$provider", (object?)filter.Provider ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (object?)filter.From?.UtcTicks ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)filter.To?.UtcTicks ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var deliveries = new List<ArchivedDelivery>();
        while (reader.Read())
        {
            deliveries.Add(new ArchivedDelivery(reader.GetInt64(0), new RawDelivery(
                reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetString(3),
                HeaderJson.Deserialize(reader.GetString(4)), (byte[])reader.GetValue(5), reader.GetString(6))));
        }
        return deliveries;
    }

    public Task<int> DeleteReceivedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() => DeleteReceivedBefore(cutoff), cancellationToken);

    private int DeleteReceivedBefore(DateTimeOffset cutoff)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM webhook_deliveries WHERE received_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
        return command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync() => _queue.DisposeAsync();
}
