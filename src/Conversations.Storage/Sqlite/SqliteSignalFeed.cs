using Conversations.Abstractions.Signals;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// The signal feed in the embedded SQLite file: <c>lead_signals</c> in position order. SQLite runs one write transaction
/// at a time and the position only grows, so a position is also commit order (every cursor's commit part is 0).
/// </summary>
public sealed class SqliteSignalFeed(SqliteDatabase database) : ISignalFeed
{
    private const string SelectAfter = $"""
        SELECT position, {SqliteSignalRows.Columns} FROM lead_signals
        WHERE position > $position
        ORDER BY position
        LIMIT $limit
        """;

    public Task<IReadOnlyList<FeedSignal>> ReadAfterAsync(SignalFeedCursor? after, int limit, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() =>
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SelectAfter;
            command.Parameters.AddWithValue("$position", after?.Position ?? 0L);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var signals = new List<FeedSignal>();
            while (reader.Read()) signals.Add(new FeedSignal(new SignalFeedCursor(0, reader.GetInt64(0)), SqliteSignalRows.Read(reader, offset: 1)));
            return (IReadOnlyList<FeedSignal>)signals;
        }, cancellationToken);

    public Task<SignalFeedCursor?> EndAsync(CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() =>
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT max(position) FROM lead_signals";
            return command.ExecuteScalar() is long position ? new SignalFeedCursor(0, position) : (SignalFeedCursor?)null;
        }, cancellationToken);
}
