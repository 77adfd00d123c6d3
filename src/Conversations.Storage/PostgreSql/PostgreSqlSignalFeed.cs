using System.Globalization;
using Conversations.Abstractions.Signals;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

/// <summary>
/// The signal feed in PostgreSQL: <c>lead_signals</c> in (committed_by, position) order, up to the oldest transaction
/// still running, so that no signal can appear behind a cursor once read (deploy/postgresql/017_signal_feed.sql).
/// </summary>
public sealed class PostgreSqlSignalFeed(NpgsqlDataSource dataSource) : ISignalFeed
{
    private const string Settled = "committed_by < pg_snapshot_xmin(pg_current_snapshot())";

    private const string SelectAfter = $"""
        SELECT committed_by::text, position, {PostgreSqlSignalRows.Columns} FROM lead_signals
        WHERE (committed_by, position) > (@commit::text::xid8, @position) AND {Settled}
        ORDER BY committed_by, position
        LIMIT @limit
        """;

    private const string SelectEnd = $"""
        SELECT committed_by::text, position FROM lead_signals WHERE {Settled}
        ORDER BY committed_by DESC, position DESC LIMIT 1
        """;

    public Task<IReadOnlyList<FeedSignal>> ReadAfterAsync(SignalFeedCursor? after, int limit, CancellationToken cancellationToken = default) =>
        PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(dataSource, async token =>
        {
            await using var command = dataSource.CreateCommand(SelectAfter);
            command.Parameters.AddWithValue("commit", (after?.Commit ?? 0).ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("position", after?.Position ?? 0L);
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(token);
            var signals = new List<FeedSignal>();
            while (await reader.ReadAsync(token))
                signals.Add(new FeedSignal(CursorOf(reader), PostgreSqlSignalRows.Read(reader, offset: 2)));
            return (IReadOnlyList<FeedSignal>)signals;
        }, cancellationToken);

    public Task<SignalFeedCursor?> EndAsync(CancellationToken cancellationToken = default) =>
        PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(dataSource, async token =>
        {
            await using var command = dataSource.CreateCommand(SelectEnd);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? CursorOf(reader) : (SignalFeedCursor?)null;
        }, cancellationToken);

    private static SignalFeedCursor CursorOf(NpgsqlDataReader reader) =>
        new(long.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1));
}
