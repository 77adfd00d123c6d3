using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Storage.Outbox;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

/// <summary>The stream outbox in PostgreSQL: claims lease rows with SKIP LOCKED, so the relays of several silos share them.</summary>
public sealed class PostgreSqlStreamOutbox(NpgsqlDataSource dataSource, OutboxFeed feed) : IStreamOutbox
{
    private const string SelectEvents = "SELECT event_id, lead_id, payload::text FROM conversation_events WHERE event_id = ANY(@ids)";

    public OutboxFeed Feed => feed;

    public Task AcknowledgeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? Task.CompletedTask : PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(dataSource, async token =>
        {
            await using var command = dataSource.CreateCommand(PostgreSqlOutboxRows.Delete);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    public async Task<IReadOnlyList<OutboxEntry>> ClaimOverdueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var rows = await PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(dataSource,
            token => PostgreSqlOutboxRows.ClaimAsync(dataSource, limit, lease, token), cancellationToken);
        if (rows.Count == 0) return [];
        var events = await ReadEventsAsync(OutboxClaim.IdsOf(rows, OutboxItemKind.Events), cancellationToken);
        var signals = await ReadSignalsAsync(OutboxClaim.IdsOf(rows, OutboxItemKind.Signals), cancellationToken);
        return OutboxClaim.Entries(rows, events, signals);
    }

    private async Task<Dictionary<string, OutboxEvent>> ReadEventsAsync(string[] ids, CancellationToken cancellationToken)
    {
        var events = new Dictionary<string, OutboxEvent>(StringComparer.Ordinal);
        if (ids.Length == 0) return events;
        await using var command = dataSource.CreateCommand(SelectEvents);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events[reader.GetString(0)] = new OutboxEvent(reader.GetString(1), TimelineJson.Deserialize(reader.GetString(2)));
        return events;
    }

    private async Task<Dictionary<string, Signal>> ReadSignalsAsync(string[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0) return [];
        await using var command = dataSource.CreateCommand(PostgreSqlSignalRows.SelectByIds);
        command.Parameters.AddWithValue("ids", ids);
        return (await PostgreSqlSignalRows.ReadAsync(command, cancellationToken)).ToDictionary(signal => signal.Id, StringComparer.Ordinal);
    }
}
