using System.Text.Json;
using Conversations.Abstractions.Outbox;
using Conversations.Storage.Outbox;

namespace Conversations.Storage.Sqlite;

/// <summary>The stream outbox in the embedded SQLite file (one process, so a claim needs no more than its lease).</summary>
public sealed class SqliteStreamOutbox(SqliteDatabase database, OutboxFeed feed, TimeProvider clock) : IStreamOutbox
{
    private const string SelectEvents = "SELECT event_id, lead_id, payload FROM conversation_events WHERE event_id IN (SELECT value FROM json_each($ids))";

    public OutboxFeed Feed => feed;

    public Task AcknowledgeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? Task.CompletedTask : OffTheCallersThread.Run(() =>
        {
            using var connection = database.Open();
            SqliteOutboxRows.Delete(connection, ids);
        }, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ClaimOverdueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() =>
        {
            using var connection = database.Open();
            var now = clock.GetUtcNow();
            var rows = SqliteOutboxRows.Claim(connection, now, now + lease, limit);
            if (rows.Count == 0) return (IReadOnlyList<OutboxEntry>)[];

            using var select = connection.CreateCommand();
            select.CommandText = SelectEvents;
            select.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(OutboxClaim.IdsOf(rows, OutboxItemKind.Events)));
            var events = new Dictionary<string, OutboxEvent>(StringComparer.Ordinal);
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read()) events[reader.GetString(0)] = new OutboxEvent(reader.GetString(1), TimelineJson.Deserialize(reader.GetString(2)));
            }
            var signals = SqliteSignalRows.Read(connection, SqliteSignalRows.SelectByIds, JsonSerializer.Serialize(OutboxClaim.IdsOf(rows, OutboxItemKind.Signals)))
                .ToDictionary(signal => signal.Id, StringComparer.Ordinal);
            return OutboxClaim.Entries(rows, events, signals);
        }, cancellationToken);
}
