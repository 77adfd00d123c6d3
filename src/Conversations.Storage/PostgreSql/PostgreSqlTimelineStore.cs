using Conversations.Abstractions;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Archive;
using Conversations.Storage.GroupCommit;
using Conversations.Storage.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.PostgreSql;

/// <summary>
/// The timeline log in PostgreSQL. Appends from all leads are group-committed: one transaction inserts every
/// queued event (<c>ON CONFLICT DO NOTHING</c> on the deterministic event id, so redeliveries are no-ops),
/// the funnel marks and campaign names, the raw deliveries the events came in, and reports back which events
/// were new. A batch that PostgreSQL refuses for what it holds is split until only the append at fault fails.
/// Reads that meet a connection that died while pooled (the server restarted) run once more on a fresh one.
/// </summary>
public sealed class PostgreSqlTimelineStore : ITimelineStore, IAsyncDisposable
{
    // Runs before the inserts, so it sees each lead's timeline as it was before this commit.
    private const string SelectHistory = """
        SELECT k.lead_id, e.position, e.payload::text
        FROM unnest(@lead_ids) AS k(lead_id)
        CROSS JOIN LATERAL (
            SELECT position, payload FROM conversation_events c
            WHERE c.lead_id = k.lead_id ORDER BY position DESC LIMIT @limit) AS e
        ORDER BY k.lead_id, e.position
        """;

    // Claims arrive sorted by alias (AppendBatch), so concurrent commits wait on each other's aliases in one order.
    private const string InsertClaims = """
        INSERT INTO lead_aliases (alias, lead_id, linked_by_event)
        SELECT * FROM unnest(@aliases, @lead_ids, @event_ids)
        ON CONFLICT (alias) DO NOTHING
        RETURNING alias
        """;

    // The new events are recorded in the stream outbox by the same statement.
    private static readonly string InsertEvents = PostgreSqlOutboxRows.Recording("""
        INSERT INTO conversation_events (event_id, lead_id, arrived_as, occurred_at, received_at, kind, provider, campaign_key, payload)
        SELECT * FROM unnest(@event_ids, @lead_ids, @arrived_as, @occurred_at, @received_at, @kinds, @providers, @campaign_keys, @payloads::jsonb[])
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id AS id, position
        """, OutboxItemKind.Events);

    // Rows are inserted in key order so that concurrent group commits take index locks in one order.
    private const string InsertFunnelMarks = """
        INSERT INTO campaign_funnel (campaign_key, stage, lead_id)
        SELECT * FROM unnest(@campaign_keys, @stages, @lead_ids) ORDER BY 1, 2, 3
        ON CONFLICT DO NOTHING
        """;

    // DO NOTHING, not DO UPDATE: an upsert locks every conflicting row even when it changes nothing, and
    // concurrent batches naming the same campaigns would queue (or deadlock) on them.
    private const string InsertCampaigns = """
        INSERT INTO campaigns (campaign_key, name)
        SELECT * FROM unnest(@campaign_keys, @names) ORDER BY 1
        ON CONFLICT (campaign_key) DO NOTHING
        """;

    // Locks only campaigns whose name actually changed (rare).
    private const string RenameCampaigns = """
        UPDATE campaigns AS c SET name = t.name
        FROM unnest(@campaign_keys, @names) AS t(campaign_key, name)
        WHERE c.campaign_key = t.campaign_key AND t.name IS NOT NULL AND c.name IS DISTINCT FROM t.name
        """;

    private const string SelectTimeline = """
        SELECT position, payload::text FROM conversation_events
        WHERE lead_id = @lead_id AND position > @after
        ORDER BY occurred_at, position
        """;

    // Keyset paging served by conversation_events_by_lead_occurred_at (deploy/postgresql/012): no sort, no offset.
    private const string SelectPage = """
        SELECT position, occurred_at, payload::text FROM conversation_events
        WHERE lead_id = @lead_id AND (occurred_at, position) > (@occurred_at, @position)
        ORDER BY occurred_at, position
        LIMIT @limit
        """;

    private const string SelectExists = "SELECT EXISTS (SELECT 1 FROM conversation_events WHERE lead_id = @lead_id)";

    private const string SelectCampaign = """
        SELECT (SELECT name FROM campaigns WHERE campaign_key = @campaign_key),
               (SELECT count(*) FROM campaigns WHERE campaign_key = @campaign_key);
        SELECT stage, count(*) FROM campaign_funnel WHERE campaign_key = @campaign_key GROUP BY stage;
        """;

    private const int MaxAttempts = 3;

    private const string SelectLatest = """
        SELECT position, payload::text FROM
            (SELECT position, payload FROM conversation_events WHERE lead_id = @lead_id ORDER BY position DESC LIMIT @limit) AS latest
        ORDER BY position
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly OutboxFeed _outbox;
    private readonly GroupCommitQueue<TimelineAppend, AppendOutcome> _queue;

    /// <param name="dataSource">The database.</param>
    /// <param name="maxBatchSize">The most appends committed in one transaction.</param>
    /// <param name="writers">Transactions committing at once.</param>
    /// <param name="outbox">Where committed entries are handed to this process's relay; without one, they are published when due.</param>
    public PostgreSqlTimelineStore(NpgsqlDataSource dataSource, int maxBatchSize, int writers, OutboxFeed? outbox = null)
    {
        _dataSource = dataSource;
        _outbox = outbox ?? new OutboxFeed(new OutboxOptions());
        _queue = new("timeline", CommitAsync, maxBatchSize, writers, refusalOf: PostgreSqlFailures.RefusalOf);
    }

    public Task<AppendOutcome> AppendAsync(TimelineAppend append, CancellationToken cancellationToken = default) =>
        _queue.EnqueueAsync(append, cancellationToken);

    private Task<IReadOnlyList<AppendOutcome>> CommitAsync(IReadOnlyList<TimelineAppend> appends, CancellationToken cancellationToken) =>
        RouteCheckedCommit.RunAsync(appends, CommitWithRetriesAsync, cancellationToken);

    private async Task<BatchAttempt> CommitWithRetriesAsync(AppendBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitOnceAsync(batch, cancellationToken);
            }
            catch (NpgsqlException exception)
            {
                PostgreSqlFailures.ForgetPooledConnections(_dataSource);
                // Deadlocks and serialization failures are rolled back whole, so the batch can run again. Other errors
                // (a lost connection during COMMIT) leave the outcome unknown: they fail the appends, and the lead
                // grains rebuild from the log.
                if (exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
                    && attempt < MaxAttempts)
                    continue;
                throw;
            }
        }
    }

    private async Task<BatchAttempt> CommitOnceAsync(AppendBatch batch, CancellationToken cancellationToken)
    {
        var inserted = new Dictionary<string, long>(batch.Events.Count, StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var history = new Dictionary<string, List<TimelineEntry>>(StringComparer.Ordinal);
        var lineage = new Dictionary<string, LeadLineage>(StringComparer.Ordinal);
        var signalled = new HashSet<string>(StringComparer.Ordinal);
        var (historyLeads, historyLimit) = batch.HistoryRequest;
        var leadIds = batch.LeadIds;
        if (leadIds.Length == 0) return BatchAttempt.Committed([]);
        var outboxId = Guid.CreateVersion7();

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlBatch(connection, transaction))
        {
            // First: a merge takes these locks exclusively, so an append and a merge of one lead never overlap. Then the
            // lineage, read after the locks, so a merge that committed while this batch waited is seen.
            command.BatchCommands.Add(LeadsCommand(PostgreSqlLeadLocks.LockShared, leadIds));
            command.BatchCommands.Add(LeadsCommand(PostgreSqlLineageRows.Select, leadIds));
            if (historyLeads.Length > 0) command.BatchCommands.Add(HistoryCommand(historyLeads, historyLimit));
            if (batch.Claims.Count > 0) command.BatchCommands.Add(ClaimsCommand(batch));
            if (batch.Events.Count > 0) command.BatchCommands.Add(EventsCommand(batch, outboxId, _outbox.Options.RetryAfter));
            if (batch.Signals.Count > 0) command.BatchCommands.Add(PostgreSqlSignalRows.InsertCommand(batch.Signals, outboxId, _outbox.Options.RetryAfter));
            if (batch.FunnelMarks.Count > 0) command.BatchCommands.Add(FunnelCommand(batch));
            if (batch.CampaignNames.Count > 0)
            {
                command.BatchCommands.Add(CampaignsCommand(InsertCampaigns, batch));
                command.BatchCommands.Add(CampaignsCommand(RenameCampaigns, batch));
            }
            if (batch.Deliveries.Count > 0) command.BatchCommands.Add(PostgreSqlDeliveryRows.InsertCommand(batch.Deliveries));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            await PostgreSqlLineageRows.ReadAsync(reader, lineage, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            if (historyLeads.Length > 0)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var leadId = reader.GetString(0);
                    if (!history.TryGetValue(leadId, out var entries)) history[leadId] = entries = [];
                    entries.Add(new TimelineEntry(reader.GetInt64(1), TimelineJson.Deserialize(reader.GetString(2))));
                }
                await reader.NextResultAsync(cancellationToken);
            }
            if (batch.Claims.Count > 0)
            {
                while (await reader.ReadAsync(cancellationToken)) claimed.Add(reader.GetString(0));
                await reader.NextResultAsync(cancellationToken);
            }
            if (batch.Events.Count > 0)
            {
                while (await reader.ReadAsync(cancellationToken)) inserted[reader.GetString(0)] = reader.GetInt64(1);
                await reader.NextResultAsync(cancellationToken);
            }
            if (batch.Signals.Count > 0)
            {
                while (await reader.ReadAsync(cancellationToken)) signalled.Add(reader.GetString(0));
            }
            while (await reader.NextResultAsync(cancellationToken)) { }
        }
        var misrouted = await MisroutedAsync(connection, transaction, batch, claimed, lineage, cancellationToken);
        // Disposing the transaction without committing rolls it back.
        if (misrouted.Count > 0) return BatchAttempt.RolledBack(misrouted);
        await transaction.CommitAsync(cancellationToken);
        if (batch.OutboxEntry(outboxId, inserted, signalled) is { } entry) _outbox.Offer(entry);
        return BatchAttempt.Committed(batch.Results(inserted, history, lineage, signalled));
    }

    /// <summary>The appends whose claims lost, whose lead was merged, or whose arrival alias moved to another lead.</summary>
    private static async Task<List<int>> MisroutedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AppendBatch batch, HashSet<string> claimed,
        Dictionary<string, LeadLineage> lineage, CancellationToken cancellationToken)
    {
        var misrouted = new List<int>();
        if (claimed.Count < batch.Claims.Count)
        {
            await using var holders = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            // Seen after the insert waited for the holders of those aliases to commit.
            misrouted.AddRange(batch.LosingClaims(claimed, await PostgreSqlAliasRows.HoldersAsync(holders, batch.UnclaimedAliases(claimed), cancellationToken)));
        }
        if (lineage.Count > 0)
        {
            misrouted.AddRange(batch.ToAbsorbedLeads(lineage));
            await using var holders = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            misrouted.AddRange(batch.ArrivedElsewhere(await PostgreSqlAliasRows.HoldersAsync(holders, batch.ArrivalAliasesToCheck(lineage), cancellationToken)));
        }
        return misrouted;
    }

    private static NpgsqlBatchCommand LeadsCommand(string sql, string[] leadIds)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(PostgreSqlArrays.Texts("lead_ids", leadIds));
        return command;
    }

    private static NpgsqlBatchCommand HistoryCommand(string[] leadIds, int limit)
    {
        var command = new NpgsqlBatchCommand(SelectHistory);
        command.Parameters.Add(PostgreSqlArrays.Texts("lead_ids", leadIds));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        return command;
    }

    private static NpgsqlBatchCommand EventsCommand(AppendBatch batch, Guid outboxId, TimeSpan retryAfter)
    {
        var rows = batch.Events;
        var command = new NpgsqlBatchCommand(InsertEvents);
        PostgreSqlOutboxRows.AddRecordingParameters(command.Parameters, outboxId, retryAfter);
        command.Parameters.Add(PostgreSqlArrays.Texts("event_ids", rows.Select(r => r.Event.EventId)));
        command.Parameters.Add(PostgreSqlArrays.Texts("lead_ids", rows.Select(r => r.LeadId)));
        command.Parameters.Add(PostgreSqlArrays.Texts("arrived_as", rows.Select(r => r.ArrivedAs)));
        command.Parameters.Add(PostgreSqlArrays.Times("occurred_at", rows.Select(r => r.Event.OccurredAt)));
        command.Parameters.Add(PostgreSqlArrays.Times("received_at", rows.Select(r => r.Event.ReceivedAt)));
        command.Parameters.Add(PostgreSqlArrays.Texts("kinds", rows.Select(r => r.Kind)));
        command.Parameters.Add(PostgreSqlArrays.Texts("providers", rows.Select(r => r.Event.Provider)));
        command.Parameters.Add(PostgreSqlArrays.Texts("campaign_keys", rows.Select(r => r.Event.Campaign?.Key)));
        command.Parameters.Add(PostgreSqlArrays.Texts("payloads", rows.Select(r => TimelineJson.Serialize(r.Event))));
        return command;
    }

    private static NpgsqlBatchCommand FunnelCommand(AppendBatch batch)
    {
        var command = new NpgsqlBatchCommand(InsertFunnelMarks);
        command.Parameters.Add(PostgreSqlArrays.Texts("campaign_keys", batch.FunnelMarks.Select(m => m.CampaignKey)));
        command.Parameters.Add(PostgreSqlArrays.Texts("stages", batch.FunnelMarks.Select(m => m.Stage)));
        command.Parameters.Add(PostgreSqlArrays.Texts("lead_ids", batch.FunnelMarks.Select(m => m.LeadId)));
        return command;
    }

    private static NpgsqlBatchCommand ClaimsCommand(AppendBatch batch)
    {
        var command = new NpgsqlBatchCommand(InsertClaims);
        command.Parameters.Add(PostgreSqlArrays.Texts("aliases", batch.Claims.Select(c => c.Alias)));
        command.Parameters.Add(PostgreSqlArrays.Texts("lead_ids", batch.Claims.Select(c => c.LeadId)));
        command.Parameters.Add(PostgreSqlArrays.Texts("event_ids", batch.Claims.Select(c => c.EventId)));
        return command;
    }

    private static NpgsqlBatchCommand CampaignsCommand(string sql, AppendBatch batch)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(PostgreSqlArrays.Texts("campaign_keys", batch.CampaignNames.Keys));
        command.Parameters.Add(PostgreSqlArrays.Texts("names", batch.CampaignNames.Values));
        return command;
    }

    public Task<IReadOnlyList<TimelineEntry>> ReadAsync(string leadId, long afterPosition = 0, CancellationToken cancellationToken = default) =>
        Retried(token => ReadOnceAsync(leadId, afterPosition, token), cancellationToken);

    private async Task<IReadOnlyList<TimelineEntry>> ReadOnceAsync(string leadId, long afterPosition, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SelectTimeline);
        command.Parameters.AddWithValue("lead_id", leadId);
        command.Parameters.AddWithValue("after", afterPosition);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public Task<TimelinePage> ReadPageAsync(string leadId, TimelineCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Retried(token => ReadPageOnceAsync(leadId, after, limit, token), cancellationToken);
    }

    private async Task<TimelinePage> ReadPageOnceAsync(string leadId, TimelineCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SelectPage);
        command.Parameters.AddWithValue("lead_id", leadId);
        // The cursor carries the stored value (microseconds), so the comparison is exact; MinValue means -infinity.
        command.Parameters.Add(new NpgsqlParameter<DateTime>("occurred_at", NpgsqlDbType.TimestampTz)
            { TypedValue = new DateTime(after?.OccurredAtUtcTicks ?? DateTime.MinValue.Ticks, DateTimeKind.Utc) });
        command.Parameters.AddWithValue("position", after?.Position ?? 0L);
        // One row more than asked tells whether another page follows.
        command.Parameters.AddWithValue("limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<TimelineEntry>(Math.Min(limit, 256));
        var last = default(TimelineCursor);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (entries.Count == limit) return new TimelinePage(entries, last);
            last = new TimelineCursor(reader.GetFieldValue<DateTime>(1).Ticks, reader.GetInt64(0));
            entries.Add(new TimelineEntry(last.Position, TimelineJson.Deserialize(reader.GetString(2))));
        }
        return new TimelinePage(entries, null);
    }

    public Task<bool> ExistsAsync(string leadId, CancellationToken cancellationToken = default) =>
        Retried(token => ExistsOnceAsync(leadId, token), cancellationToken);

    private async Task<bool> ExistsOnceAsync(string leadId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SelectExists);
        command.Parameters.AddWithValue("lead_id", leadId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public Task<IReadOnlyList<TimelineEntry>> ReadLatestAsync(string leadId, int limit, CancellationToken cancellationToken = default) =>
        Retried(token => ReadLatestOnceAsync(leadId, limit, token), cancellationToken);

    private async Task<IReadOnlyList<TimelineEntry>> ReadLatestOnceAsync(string leadId, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SelectLatest);
        command.Parameters.AddWithValue("lead_id", leadId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<TimelineEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<TimelineEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new TimelineEntry(reader.GetInt64(0), TimelineJson.Deserialize(reader.GetString(1))));
        return entries;
    }

    public Task<int> GenerationOfAsync(string leadId, CancellationToken cancellationToken = default) => Retried(async token =>
    {
        await using var command = _dataSource.CreateCommand("SELECT generation FROM lead_lineage WHERE lead_id = @lead_id");
        command.Parameters.AddWithValue("lead_id", leadId);
        return await command.ExecuteScalarAsync(token) is int generation ? generation : 0;
    }, cancellationToken);

    public Task<IReadOnlyList<Signal>> ReadLeadSignalsAsync(string leadId, CancellationToken cancellationToken = default) =>
        ReadSignalsAsync(PostgreSqlSignalRows.SelectOfLead, leadId, cancellationToken);

    public Task<IReadOnlyList<Signal>> ReadCampaignSignalsAsync(string campaignKey, CancellationToken cancellationToken = default) =>
        ReadSignalsAsync(PostgreSqlSignalRows.SelectOfCampaign, campaignKey, cancellationToken);

    private Task<IReadOnlyList<Signal>> ReadSignalsAsync(string sql, string key, CancellationToken cancellationToken) => Retried(async token =>
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("key", key);
        return await PostgreSqlSignalRows.ReadAsync(command, token);
    }, cancellationToken);

    public Task<CampaignFunnel?> ReadCampaignAsync(string campaignKey, CancellationToken cancellationToken = default) =>
        Retried(token => ReadCampaignOnceAsync(campaignKey, token), cancellationToken);

    private async Task<CampaignFunnel?> ReadCampaignOnceAsync(string campaignKey, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SelectCampaign);
        command.Parameters.AddWithValue("campaign_key", campaignKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var name = reader.IsDBNull(0) ? null : reader.GetString(0);
        var known = reader.GetInt64(1) > 0;
        await reader.NextResultAsync(cancellationToken);
        var counts = new Dictionary<FunnelStage, long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (StableNames<FunnelStage>.TryParse(reader.GetString(0), out var stage)) counts[stage] = reader.GetInt64(1);
        }
        return known || counts.Count > 0 ? new CampaignFunnel(campaignKey, name, counts) : null;
    }

    public Task PingAsync(CancellationToken cancellationToken = default) => Retried(async token =>
    {
        await using var command = _dataSource.CreateCommand("SELECT 1 FROM conversation_events LIMIT 1");
        return await command.ExecuteScalarAsync(token);
    }, cancellationToken);

    private Task<T> Retried<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(_dataSource, read, cancellationToken);

    public ValueTask DisposeAsync() => _queue.DisposeAsync();
}
