using Conversations.Abstractions;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Archive;
using Conversations.Storage.GroupCommit;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// The timeline log in the embedded SQLite file. SQLite has one writer at a time, so one writer loop
/// group-commits every queued append in one transaction (on the queue's own thread-pool loop); reads run off
/// the calling grain's thread (<see cref="OffTheCallersThread"/>).
/// </summary>
public sealed class SqliteTimelineStore : ITimelineStore, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly OutboxFeed _outbox;
    private readonly TimeProvider _clock;
    private readonly GroupCommitQueue<TimelineAppend, AppendOutcome> _queue;

    /// <param name="database">The embedded database file.</param>
    /// <param name="maxBatchSize">The most appends committed in one transaction.</param>
    /// <param name="outbox">Where committed entries are handed to this process's relay; without one, they are published when due.</param>
    /// <param name="clock">Tells when an outbox entry falls due.</param>
    public SqliteTimelineStore(SqliteDatabase database, int maxBatchSize, OutboxFeed? outbox = null, TimeProvider? clock = null)
    {
        _database = database;
        _outbox = outbox ?? new OutboxFeed(new OutboxOptions());
        _clock = clock ?? TimeProvider.System;
        _queue = new("timeline", CommitAsync, maxBatchSize, writers: 1, refusalOf: SqliteFailures.RefusalOf);
    }

    public Task<AppendOutcome> AppendAsync(TimelineAppend append, CancellationToken cancellationToken = default) =>
        _queue.EnqueueAsync(append, cancellationToken);

    private Task<IReadOnlyList<AppendOutcome>> CommitAsync(IReadOnlyList<TimelineAppend> appends, CancellationToken cancellationToken) =>
        RouteCheckedCommit.RunAsync(appends, (batch, _) => Task.FromResult(Commit(batch)), cancellationToken);

    private BatchAttempt Commit(AppendBatch batch)
    {
        var inserted = new Dictionary<string, long>(batch.Events.Count, StringComparer.Ordinal);
        var history = new Dictionary<string, List<TimelineEntry>>(StringComparer.Ordinal);
        using var connection = _database.Open();
        // Immediate: the file's write lock from the start, so no merge commits between these checks and the inserts.
        using var transaction = connection.BeginTransaction(deferred: false);

        var lineage = SqliteLineageRows.Read(connection, transaction, batch.LeadIds);
        if (lineage.Count > 0)
        {
            var misrouted = batch.ToAbsorbedLeads(lineage)
                .Concat(batch.ArrivedElsewhere(SqliteAliasRows.Holders(connection, transaction, batch.ArrivalAliasesToCheck(lineage)))).ToList();
            if (misrouted.Count > 0) return BatchAttempt.RolledBack(misrouted);
        }

        var (historyLeads, historyLimit) = batch.HistoryRequest;
        foreach (var leadId in historyLeads)
        {
            using var latest = LatestCommand(connection, transaction, leadId, historyLimit);
            history[leadId] = [.. ReadEntries(latest)];
        }

        var claimed = SqliteAliasRows.Claim(connection, transaction, batch.Claims, DateTime.UtcNow.Ticks);
        if (claimed.Count < batch.Claims.Count)
        {
            var losing = batch.LosingClaims(claimed, SqliteAliasRows.Holders(connection, transaction, batch.UnclaimedAliases(claimed))).ToList();
            // Disposing the transaction without committing rolls it back.
            if (losing.Count > 0) return BatchAttempt.RolledBack(losing);
        }

        using (var insert = Command(connection, transaction, """
            INSERT INTO conversation_events (event_id, lead_id, arrived_as, occurred_at, received_at, kind, provider, campaign_key, payload)
            VALUES ($id, $lead, $arrived, $occurred, $received, $kind, $provider, $campaign, $payload)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING position
            """, "$id", "$lead", "$arrived", "$occurred", "$received", "$kind", "$provider", "$campaign", "$payload"))
        {
            foreach (var row in batch.Events)
            {
                Bind(insert, row.Event.EventId, row.LeadId, row.ArrivedAs, row.Event.OccurredAt.UtcTicks, row.Event.ReceivedAt.UtcTicks,
                    row.Kind, row.Event.Provider, row.Event.Campaign?.Key, TimelineJson.Serialize(row.Event));
                if (insert.ExecuteScalar() is long position) inserted[row.Event.EventId] = position;
            }
        }

        using (var mark = Command(connection, transaction,
            "INSERT INTO campaign_funnel (campaign_key, stage, lead_id) VALUES ($campaign, $stage, $lead) ON CONFLICT DO NOTHING",
            "$campaign", "$stage", "$lead"))
        {
            foreach (var (campaignKey, stage, leadId) in batch.FunnelMarks)
            {
                Bind(mark, campaignKey, stage, leadId);
                mark.ExecuteNonQuery();
            }
        }

        using (var campaign = Command(connection, transaction, """
            INSERT INTO campaigns (campaign_key, name) VALUES ($campaign, $name)
            ON CONFLICT (campaign_key) DO UPDATE SET name = excluded.name
            WHERE excluded.name IS NOT NULL AND campaigns.name IS NOT excluded.name
            """, "$campaign", "$name"))
        {
            foreach (var (campaignKey, name) in batch.CampaignNames)
            {
                Bind(campaign, campaignKey, name);
                campaign.ExecuteNonQuery();
            }
        }

        var signalled = SqliteSignalRows.Insert(connection, transaction, batch.Signals);
        var entry = batch.OutboxEntry(Guid.CreateVersion7(), inserted, signalled);
        if (entry is not null) SqliteOutboxRows.Record(connection, transaction, entry, _clock.GetUtcNow() + _outbox.Options.RetryAfter);
        SqliteDeliveryRows.Insert(connection, transaction, batch.Deliveries);
        transaction.Commit();
        if (entry is not null) _outbox.Offer(entry);
        return BatchAttempt.Committed(batch.Results(inserted, history, lineage, signalled));
    }

    public Task<IReadOnlyList<TimelineEntry>> ReadAsync(string leadId, long afterPosition = 0, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() => Read(leadId, afterPosition), cancellationToken);

    private IReadOnlyList<TimelineEntry> Read(string leadId, long afterPosition)
    {
        using var connection = _database.Open();
        using var command = Command(connection, null,
            "SELECT position, payload FROM conversation_events WHERE lead_id = $lead AND position > $after ORDER BY occurred_at, position",
            "$lead", "$after");
        Bind(command, leadId, afterPosition);
        return ReadEntries(command);
    }

    public Task<TimelinePage> ReadPageAsync(string leadId, TimelineCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return OffTheCallersThread.Run(() => ReadPage(leadId, after, limit), cancellationToken);
    }

    private TimelinePage ReadPage(string leadId, TimelineCursor? after, int limit)
    {
        using var connection = _database.Open();
        // One row more than asked tells whether another page follows.
        using var command = Command(connection, null, """
            SELECT position, occurred_at, payload FROM conversation_events
            WHERE lead_id = $lead AND (occurred_at, position) > ($occurred, $position)
            ORDER BY occurred_at, position
            LIMIT $limit
            """, "$lead", "$occurred", "$position", "$limit");
        Bind(command, leadId, after?.OccurredAtUtcTicks ?? long.MinValue, after?.Position ?? 0L, limit + 1);
        using var reader = command.ExecuteReader();
        var entries = new List<TimelineEntry>(Math.Min(limit, 256));
        var last = default(TimelineCursor);
        while (reader.Read())
        {
            if (entries.Count == limit) return new TimelinePage(entries, last);
            last = new TimelineCursor(reader.GetInt64(1), reader.GetInt64(0));
            entries.Add(new TimelineEntry(last.Position, TimelineJson.Deserialize(reader.GetString(2))));
        }
        return new TimelinePage(entries, null);
    }

    public Task<bool> ExistsAsync(string leadId, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() => Exists(leadId), cancellationToken);

    private bool Exists(string leadId)
    {
        using var connection = _database.Open();
        using var command = Command(connection, null,
            "SELECT EXISTS (SELECT 1 FROM conversation_events WHERE lead_id = $lead)", "$lead");
        Bind(command, leadId);
        return command.ExecuteScalar() is 1L;
    }

    public Task<IReadOnlyList<TimelineEntry>> ReadLatestAsync(string leadId, int limit, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() => ReadLatest(leadId, limit), cancellationToken);

    private IReadOnlyList<TimelineEntry> ReadLatest(string leadId, int limit)
    {
        using var connection = _database.Open();
        using var command = LatestCommand(connection, null, leadId, limit);
        return ReadEntries(command);
    }

    private static SqliteCommand LatestCommand(SqliteConnection connection, SqliteTransaction? transaction, string leadId, int limit)
    {
        var command = Command(connection, transaction, """
            SELECT position, payload FROM
                (SELECT position, payload FROM conversation_events WHERE lead_id = $lead ORDER BY position DESC LIMIT $limit)
            ORDER BY position
            """, "$lead", "$limit");
        Bind(command, leadId, limit);
        return command;
    }

    private static IReadOnlyList<TimelineEntry> ReadEntries(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var entries = new List<TimelineEntry>();
        while (reader.Read()) entries.Add(new TimelineEntry(reader.GetInt64(0), TimelineJson.Deserialize(reader.GetString(1))));
        return entries;
    }

    public Task<int> GenerationOfAsync(string leadId, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() =>
        {
            using var connection = _database.Open();
            return SqliteLineageRows.Read(connection, null, [leadId]).TryGetValue(leadId, out var row) ? row.Generation : 0;
        }, cancellationToken);

    public Task<IReadOnlyList<Signal>> ReadLeadSignalsAsync(string leadId, CancellationToken cancellationToken = default) =>
        ReadSignalsAsync(SqliteSignalRows.SelectOfLead, leadId, cancellationToken);

    public Task<IReadOnlyList<Signal>> ReadCampaignSignalsAsync(string campaignKey, CancellationToken cancellationToken = default) =>
        ReadSignalsAsync(SqliteSignalRows.SelectOfCampaign, campaignKey, cancellationToken);

    private Task<IReadOnlyList<Signal>> ReadSignalsAsync(string sql, string key, CancellationToken cancellationToken) =>
        OffTheCallersThread.Run(() =>
        {
            using var connection = _database.Open();
            return SqliteSignalRows.Read(connection, sql, key);
        }, cancellationToken);

    public Task<CampaignFunnel?> ReadCampaignAsync(string campaignKey, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() => ReadCampaign(campaignKey), cancellationToken);

    private CampaignFunnel? ReadCampaign(string campaignKey)
    {
        using var connection = _database.Open();
        using var campaign = Command(connection, null, "SELECT name FROM campaigns WHERE campaign_key = $campaign", "$campaign");
        Bind(campaign, campaignKey);
        using var reader = campaign.ExecuteReader();
        var known = reader.Read();
        var name = known && !reader.IsDBNull(0) ? reader.GetString(0) : null;

        using var funnel = Command(connection, null,
            "SELECT stage, count(*) FROM campaign_funnel WHERE campaign_key = $campaign GROUP BY stage", "$campaign");
        Bind(funnel, campaignKey);
        using var stages = funnel.ExecuteReader();
        var counts = new Dictionary<FunnelStage, long>();
        while (stages.Read())
        {
            if (StableNames<FunnelStage>.TryParse(stages.GetString(0), out var stage)) counts[stage] = stages.GetInt64(1);
        }
        return known || counts.Count > 0 ? new CampaignFunnel(campaignKey, name, counts) : null;
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run(() =>
        {
            using var connection = _database.Open();
            using var command = Command(connection, null, "SELECT count(*) FROM campaigns WHERE 0");
            command.ExecuteScalar();
        }, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public ValueTask DisposeAsync() => _queue.DisposeAsync();
}
