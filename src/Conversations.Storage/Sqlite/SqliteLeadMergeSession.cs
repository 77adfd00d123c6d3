using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Merges;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// A merge or unmerge transaction in the embedded SQLite file. One that writes holds the file's write lock from its
/// start, so no append commits while it runs: that is all the locking it needs.
/// </summary>
internal sealed class SqliteLeadMergeSession : ILeadMergeSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteLeadMergeSession(SqliteConnection connection, bool writes)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: !writes);
    }

    public static Task<ILeadMergeSession> BeginAsync(SqliteDatabase database, bool writes, CancellationToken cancellationToken) =>
        Task.Run<ILeadMergeSession>(() =>
        {
            var connection = database.Open();
            try
            {
                return new SqliteLeadMergeSession(connection, writes);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }, cancellationToken);

    public Task<Dictionary<string, LeadLineage>> LineageAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteLineageRows.Read(_connection, _transaction, leadIds));

    public Task LockAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<Dictionary<string, long>> FirstPositionsAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = Command("SELECT min(position) FROM conversation_events WHERE lead_id = $lead", "$lead");
        foreach (var leadId in leadIds)
        {
            command.Parameters[0].Value = leadId;
            if (command.ExecuteScalar() is long position) first[leadId] = position;
        }
        return Task.FromResult(first);
    }

    public Task<int> CountAliasesAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT count(*) FROM lead_aliases WHERE lead_id = $lead", "$lead");
        var count = 0L;
        foreach (var leadId in leadIds)
        {
            command.Parameters[0].Value = leadId;
            count += (long)command.ExecuteScalar()!;
        }
        return Task.FromResult((int)count);
    }

    public Task<bool> AnyUnmergedPairAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        using var command = Command(
            "SELECT EXISTS (SELECT 1 FROM lead_merges WHERE unmerged_at IS NOT NULL AND survivor_id = $a AND absorbed_id = $b)", "$a", "$b");
        foreach (var a in leadIds)
        {
            foreach (var b in leadIds.Where(b => b != a))
            {
                command.Parameters[0].Value = a;
                command.Parameters[1].Value = b;
                if (command.ExecuteScalar() is 1L) return Task.FromResult(true);
            }
        }
        return Task.FromResult(false);
    }

    public Task<(IReadOnlyList<string> Aliases, int Rows)> MoveAsync(
        string mergeId, string absorbedId, string survivorId, string? byEventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Execute("""
            INSERT INTO lead_merge_members (merge_id, kind, value) SELECT $merge, 'alias', alias FROM lead_aliases WHERE lead_id = $absorbed;
            INSERT INTO lead_merge_members (merge_id, kind, value) SELECT $merge, 'event', event_id FROM conversation_events WHERE lead_id = $absorbed;
            INSERT INTO lead_merges (merge_id, survivor_id, absorbed_id, merged_at, merged_by_event) VALUES ($merge, $survivor, $absorbed, $at, $event);
            INSERT INTO lead_lineage (lead_id, merged_into, generation) VALUES ($absorbed, $survivor, 1)
                ON CONFLICT (lead_id) DO UPDATE SET merged_into = excluded.merged_into, generation = generation + 1;
            INSERT INTO lead_lineage (lead_id, merged_into, generation) VALUES ($survivor, NULL, 1)
                ON CONFLICT (lead_id) DO UPDATE SET generation = generation + 1;
            INSERT INTO campaign_funnel (campaign_key, stage, lead_id)
                SELECT campaign_key, stage, $survivor FROM campaign_funnel WHERE lead_id = $absorbed ORDER BY 1, 2
                ON CONFLICT DO NOTHING;
            DELETE FROM campaign_funnel WHERE lead_id = $absorbed;
            UPDATE lead_signals SET lead_id = $survivor WHERE lead_id = $absorbed;
            """, ("$merge", mergeId), ("$absorbed", absorbedId), ("$survivor", survivorId), ("$at", at.UtcTicks), ("$event", byEventId));
        var rows = Execute("UPDATE conversation_events SET lead_id = $survivor WHERE lead_id = $absorbed",
            ("$absorbed", absorbedId), ("$survivor", survivorId));
        var aliases = ReadStrings("UPDATE lead_aliases SET lead_id = $survivor WHERE lead_id = $absorbed RETURNING alias",
            ("$absorbed", absorbedId), ("$survivor", survivorId));
        return Task.FromResult((aliases, rows));
    }

    public Task<IReadOnlyList<(string MergeId, string AbsorbedId)>> StandingMergesAsync(string survivorId, CancellationToken cancellationToken)
    {
        using var command = Command("""
            SELECT merge_id, absorbed_id FROM lead_merges WHERE survivor_id = $survivor AND unmerged_at IS NULL
            ORDER BY merged_at DESC, merge_id DESC
            """, "$survivor");
        command.Parameters[0].Value = survivorId;
        using var reader = command.ExecuteReader();
        var merges = new List<(string, string)>();
        while (reader.Read()) merges.Add((reader.GetString(0), reader.GetString(1)));
        return Task.FromResult<IReadOnlyList<(string, string)>>(merges);
    }

    public Task<IReadOnlyList<string>> ReturnAsync(string mergeId, string survivorId, string absorbedId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Rows first: which rows go back depends on the aliases the merge moved, not on where they are now. Signals
        // follow the rows they rest on, so they come after them.
        Execute("""
            UPDATE conversation_events SET lead_id = $absorbed
            WHERE lead_id = $survivor
              AND (event_id IN (SELECT value FROM lead_merge_members WHERE merge_id = $merge AND kind = 'event')
                   OR arrived_as IN (SELECT value FROM lead_merge_members WHERE merge_id = $merge AND kind = 'alias'));
            UPDATE lead_signals SET lead_id = $absorbed
            WHERE lead_id = $survivor
              AND json_array_length(evidence) > 0
              AND NOT EXISTS (SELECT 1 FROM json_each(lead_signals.evidence) AS e
                              WHERE NOT EXISTS (SELECT 1 FROM conversation_events c WHERE c.event_id = e.value AND c.lead_id = $absorbed));
            UPDATE lead_merges SET unmerged_at = $at WHERE merge_id = $merge;
            UPDATE lead_lineage SET merged_into = NULL, generation = generation + 1 WHERE lead_id = $absorbed;
            UPDATE lead_lineage SET generation = generation + 1 WHERE lead_id = $survivor;
            """, ("$merge", mergeId), ("$absorbed", absorbedId), ("$survivor", survivorId), ("$at", at.UtcTicks));
        return Task.FromResult(ReadStrings("""
            UPDATE lead_aliases SET lead_id = $absorbed
            WHERE lead_id = $survivor AND alias IN (SELECT value FROM lead_merge_members WHERE merge_id = $merge AND kind = 'alias')
            RETURNING alias
            """, ("$merge", mergeId), ("$absorbed", absorbedId), ("$survivor", survivorId)));
    }

    public Task<IReadOnlyList<ConversationEvent>> EventsOfAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationEvent>>(
            ReadStrings("SELECT payload FROM conversation_events WHERE lead_id = $lead ORDER BY occurred_at, position", ("$lead", leadId))
                .Select(TimelineJson.Deserialize).ToList());

    public Task ReplaceFunnelMarksAsync(string leadId, IReadOnlyList<FunnelMark> marks, CancellationToken cancellationToken)
    {
        Execute("DELETE FROM campaign_funnel WHERE lead_id = $lead", ("$lead", leadId));
        using var insert = Command("INSERT INTO campaign_funnel (campaign_key, stage, lead_id) VALUES ($campaign, $stage, $lead) ON CONFLICT DO NOTHING",
            "$campaign", "$stage", "$lead");
        foreach (var mark in marks)
        {
            insert.Parameters[0].Value = mark.CampaignKey;
            insert.Parameters[1].Value = StableNames<FunnelStage>.Of(mark.Stage);
            insert.Parameters[2].Value = leadId;
            insert.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task AppendMarkerAsync(string leadId, ConversationEvent marker, CancellationToken cancellationToken)
    {
        Execute("""
            INSERT INTO conversation_events (event_id, lead_id, arrived_as, occurred_at, received_at, kind, provider, payload)
            VALUES ($event, $lead, $lead, $at, $at, $kind, $provider, $payload)
            ON CONFLICT (event_id) DO NOTHING
            """, ("$event", marker.EventId), ("$lead", leadId), ("$at", marker.OccurredAt.UtcTicks),
            ("$kind", StableNames<EventKind>.Of(marker.Kind)), ("$provider", marker.Provider), ("$payload", TimelineJson.Serialize(marker)));
        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        _transaction.Commit();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _transaction.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        return command;
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = Command(sql, parameters.Select(p => p.Name).ToArray());
        for (var i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private IReadOnlyList<string> ReadStrings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
