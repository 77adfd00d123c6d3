using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Merges;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.PostgreSql;

/// <summary>A merge or unmerge transaction in PostgreSQL; its leads are locked against appends (<see cref="PostgreSqlLeadLocks"/>).</summary>
internal sealed class PostgreSqlLeadMergeSession : ILeadMergeSession
{
    private const string SelectFirstPositions = """
        SELECT l, (SELECT position FROM conversation_events WHERE lead_id = l ORDER BY position LIMIT 1)
        FROM unnest(@lead_ids) AS l
        """;

    private const string CountAliases = "SELECT count(*) FROM lead_aliases WHERE lead_id = ANY(@lead_ids)";

    private const string SelectUnmergedPair = """
        SELECT EXISTS (SELECT 1 FROM lead_merges
                       WHERE unmerged_at IS NOT NULL AND survivor_id = ANY(@lead_ids) AND absorbed_id = ANY(@lead_ids))
        """;

    private const string RecordMove = """
        INSERT INTO lead_merge_members (merge_id, kind, value) SELECT @merge_id, 'alias', alias FROM lead_aliases WHERE lead_id = @absorbed;
        INSERT INTO lead_merge_members (merge_id, kind, value) SELECT @merge_id, 'event', event_id FROM conversation_events WHERE lead_id = @absorbed;
        INSERT INTO lead_merges (merge_id, survivor_id, absorbed_id, merged_at, merged_by_event) VALUES (@merge_id, @survivor, @absorbed, @at, @by_event);
        INSERT INTO lead_lineage (lead_id, merged_into, generation) VALUES (@absorbed, @survivor, 1)
            ON CONFLICT (lead_id) DO UPDATE SET merged_into = excluded.merged_into, generation = lead_lineage.generation + 1;
        INSERT INTO lead_lineage (lead_id, merged_into, generation) VALUES (@survivor, NULL, 1)
            ON CONFLICT (lead_id) DO UPDATE SET generation = lead_lineage.generation + 1;
        INSERT INTO campaign_funnel (campaign_key, stage, lead_id)
            SELECT campaign_key, stage, @survivor FROM campaign_funnel WHERE lead_id = @absorbed ORDER BY 1, 2
            ON CONFLICT DO NOTHING;
        DELETE FROM campaign_funnel WHERE lead_id = @absorbed;
        UPDATE lead_signals SET lead_id = @survivor WHERE lead_id = @absorbed;
        """;

    private const string MoveRows = "UPDATE conversation_events SET lead_id = @survivor WHERE lead_id = @absorbed";

    private const string MoveAliases = "UPDATE lead_aliases SET lead_id = @survivor WHERE lead_id = @absorbed RETURNING alias";

    private const string SelectStandingMerges = """
        SELECT merge_id, absorbed_id FROM lead_merges WHERE survivor_id = @survivor AND unmerged_at IS NULL
        ORDER BY merged_at DESC, merge_id DESC
        """;

    private const string ReturnRows = """
        UPDATE conversation_events SET lead_id = @absorbed
        WHERE lead_id = @survivor
          AND (event_id IN (SELECT value FROM lead_merge_members WHERE merge_id = @merge_id AND kind = 'event')
               OR arrived_as IN (SELECT value FROM lead_merge_members WHERE merge_id = @merge_id AND kind = 'alias'));
        UPDATE lead_signals s SET lead_id = @absorbed
        WHERE s.lead_id = @survivor
          AND jsonb_array_length(s.evidence) > 0
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(s.evidence) AS e(event_id)
                          WHERE NOT EXISTS (SELECT 1 FROM conversation_events c WHERE c.event_id = e.event_id AND c.lead_id = @absorbed));
        UPDATE lead_merges SET unmerged_at = @at WHERE merge_id = @merge_id;
        UPDATE lead_lineage SET merged_into = NULL, generation = generation + 1 WHERE lead_id = @absorbed;
        UPDATE lead_lineage SET generation = generation + 1 WHERE lead_id = @survivor;
        """;

    private const string ReturnAliases = """
        UPDATE lead_aliases SET lead_id = @absorbed
        WHERE lead_id = @survivor AND alias IN (SELECT value FROM lead_merge_members WHERE merge_id = @merge_id AND kind = 'alias')
        RETURNING alias
        """;

    private const string SelectEvents = "SELECT payload::text FROM conversation_events WHERE lead_id = @lead_id ORDER BY occurred_at, position";

    private const string ReplaceFunnel = """
        DELETE FROM campaign_funnel WHERE lead_id = @lead_id;
        INSERT INTO campaign_funnel (campaign_key, stage, lead_id)
            SELECT c, s, @lead_id FROM unnest(@campaign_keys, @stages) AS m(c, s) ORDER BY 1, 2
            ON CONFLICT DO NOTHING;
        """;

    private const string InsertMarker = """
        INSERT INTO conversation_events (event_id, lead_id, arrived_as, occurred_at, received_at, kind, provider, payload)
        VALUES (@event_id, @lead_id, @lead_id, @at, @at, @kind, @provider, @payload::jsonb)
        ON CONFLICT (event_id) DO NOTHING
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgreSqlLeadMergeSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<ILeadMergeSession> BeginAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return new PostgreSqlLeadMergeSession(connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<Dictionary<string, LeadLineage>> LineageAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        await using var command = Command(PostgreSqlLineageRows.Select, ("lead_ids", leadIds.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lineage = new Dictionary<string, LeadLineage>(StringComparer.Ordinal);
        await PostgreSqlLineageRows.ReadAsync(reader, lineage, cancellationToken);
        return lineage;
    }

    public Task LockAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken) =>
        PostgreSqlLeadLocks.LockExclusivelyAsync(_connection, _transaction, leadIds, cancellationToken);

    public async Task<Dictionary<string, long>> FirstPositionsAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        await using var command = Command(SelectFirstPositions, ("lead_ids", leadIds.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1)) first[reader.GetString(0)] = reader.GetInt64(1);
        }
        return first;
    }

    public async Task<int> CountAliasesAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        await using var command = Command(CountAliases, ("lead_ids", leadIds.ToArray()));
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> AnyUnmergedPairAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        await using var command = Command(SelectUnmergedPair, ("lead_ids", leadIds.ToArray()));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task<(IReadOnlyList<string> Aliases, int Rows)> MoveAsync(
        string mergeId, string absorbedId, string survivorId, string? byEventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var record = Command(RecordMove, ("merge_id", mergeId), ("absorbed", absorbedId), ("survivor", survivorId),
            ("at", at.UtcDateTime), ("by_event", byEventId)))
        {
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        int rows;
        await using (var move = Command(MoveRows, ("absorbed", absorbedId), ("survivor", survivorId)))
        {
            rows = await move.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var aliases = Command(MoveAliases, ("absorbed", absorbedId), ("survivor", survivorId));
        return (await ReadStringsAsync(aliases, cancellationToken), rows);
    }

    public async Task<IReadOnlyList<(string MergeId, string AbsorbedId)>> StandingMergesAsync(string survivorId, CancellationToken cancellationToken)
    {
        await using var command = Command(SelectStandingMerges, ("survivor", survivorId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var merges = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken)) merges.Add((reader.GetString(0), reader.GetString(1)));
        return merges;
    }

    public async Task<IReadOnlyList<string>> ReturnAsync(string mergeId, string survivorId, string absorbedId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Rows first: which rows go back depends on the aliases the merge moved, not on where they are now. Signals
        // follow the rows they rest on, so they come after them.
        await using (var rows = Command(ReturnRows, ("merge_id", mergeId), ("absorbed", absorbedId), ("survivor", survivorId), ("at", at.UtcDateTime)))
        {
            await rows.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var aliases = Command(ReturnAliases, ("merge_id", mergeId), ("absorbed", absorbedId), ("survivor", survivorId));
        return await ReadStringsAsync(aliases, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationEvent>> EventsOfAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var command = Command(SelectEvents, ("lead_id", leadId));
        return (await ReadStringsAsync(command, cancellationToken)).Select(TimelineJson.Deserialize).ToList();
    }

    public async Task ReplaceFunnelMarksAsync(string leadId, IReadOnlyList<FunnelMark> marks, CancellationToken cancellationToken)
    {
        await using var command = Command(ReplaceFunnel, ("lead_id", leadId),
            ("campaign_keys", marks.Select(m => m.CampaignKey).ToArray()),
            ("stages", marks.Select(m => StableNames<FunnelStage>.Of(m.Stage)).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AppendMarkerAsync(string leadId, ConversationEvent marker, CancellationToken cancellationToken)
    {
        await using var command = Command(InsertMarker, ("event_id", marker.EventId), ("lead_id", leadId), ("at", marker.OccurredAt.UtcDateTime),
            ("kind", StableNames<EventKind>.Of(marker.Kind)), ("provider", marker.Provider), ("payload", TimelineJson.Serialize(marker)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                string[] texts => new NpgsqlParameter<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = texts },
                DateTime time => new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz) { TypedValue = time },
                null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
                _ => new NpgsqlParameter(name, value),
            });
        }
        return command;
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.GetString(0));
        return values;
    }
}
