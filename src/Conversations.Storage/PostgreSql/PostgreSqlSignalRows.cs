using Conversations.Abstractions.Signals;
using Conversations.Storage.Outbox;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

/// <summary>Writes and reads of <c>lead_signals</c>.</summary>
internal static class PostgreSqlSignalRows
{
    // The new signals are recorded in the stream outbox by the same statement.
    private static readonly string Insert = PostgreSqlOutboxRows.Recording("""
        INSERT INTO lead_signals (signal_id, type, lead_id, campaign_key, evidence, occurred_at, detected_at)
        SELECT * FROM unnest(@ids, @types, @lead_ids, @campaign_keys, @evidence::jsonb[], @occurred_at, @detected_at)
        ON CONFLICT (signal_id) DO NOTHING
        RETURNING signal_id AS id, position
        """, OutboxItemKind.Signals);

    public const string Columns = "signal_id, type, lead_id, campaign_key, evidence::text, occurred_at, detected_at";

    public const string SelectOfLead = $"SELECT {Columns} FROM lead_signals WHERE lead_id = @key ORDER BY occurred_at, position";

    public const string SelectOfCampaign = $"SELECT {Columns} FROM lead_signals WHERE campaign_key = @key ORDER BY occurred_at, position";

    public const string SelectByIds = $"SELECT {Columns} FROM lead_signals WHERE signal_id = ANY(@ids)";

    /// <summary>Inserts the signals not stored yet and records them in the outbox; the command returns the ids it inserted.</summary>
    public static NpgsqlBatchCommand InsertCommand(IReadOnlyList<Signal> signals, Guid outboxId, TimeSpan retryAfter)
    {
        var command = new NpgsqlBatchCommand(Insert);
        PostgreSqlOutboxRows.AddRecordingParameters(command.Parameters, outboxId, retryAfter);
        command.Parameters.Add(PostgreSqlArrays.Texts("ids", signals.Select(s => s.Id)));
        command.Parameters.Add(PostgreSqlArrays.Texts("types", signals.Select(s => s.Type)));
        command.Parameters.Add(PostgreSqlArrays.Texts("lead_ids", signals.Select(s => s.LeadId)));
        command.Parameters.Add(PostgreSqlArrays.Texts("campaign_keys", signals.Select(s => s.CampaignKey)));
        command.Parameters.Add(PostgreSqlArrays.Texts("evidence", signals.Select(s => SignalJson.Evidence(s.Evidence))));
        command.Parameters.Add(PostgreSqlArrays.Times("occurred_at", signals.Select(s => s.OccurredAt)));
        command.Parameters.Add(PostgreSqlArrays.Times("detected_at", signals.Select(s => s.DetectedAt)));
        return command;
    }

    public static async Task<IReadOnlyList<Signal>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var signals = new List<Signal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) signals.Add(Read(reader, offset: 0));
        return signals;
    }

    /// <summary>The signal in the current row, whose <see cref="Columns"/> start at <paramref name="offset"/>.</summary>
    public static Signal Read(NpgsqlDataReader reader, int offset) => new(
        reader.GetString(offset), reader.GetString(offset + 1), reader.GetString(offset + 2), reader.IsDBNull(offset + 3) ? null : reader.GetString(offset + 3),
        SignalJson.Evidence(reader.GetString(offset + 4)), Utc(reader.GetFieldValue<DateTime>(offset + 5)), Utc(reader.GetFieldValue<DateTime>(offset + 6)));

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
