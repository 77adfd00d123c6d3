using Conversations.Abstractions.Signals;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>Writes and reads of <c>lead_signals</c>.</summary>
internal static class SqliteSignalRows
{
    public const string Columns = "signal_id, type, lead_id, campaign_key, evidence, occurred_at, detected_at";

    private static readonly string[] ParameterNames = ["$id", "$type", "$lead", "$campaign", "$evidence", "$occurred", "$detected"];

    public const string SelectOfLead = $"SELECT {Columns} FROM lead_signals WHERE lead_id = $key ORDER BY occurred_at, position";

    public const string SelectOfCampaign = $"SELECT {Columns} FROM lead_signals WHERE campaign_key = $key ORDER BY occurred_at, position";

    /// <summary>The signals whose ids are in the JSON array <c>$key</c>.</summary>
    public const string SelectByIds = $"SELECT {Columns} FROM lead_signals WHERE signal_id IN (SELECT value FROM json_each($key))";

    /// <summary>Inserts the signals not stored yet; returns the ids it inserted.</summary>
    public static HashSet<string> Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Signal> signals)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (signals.Count == 0) return inserted;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO lead_signals (signal_id, type, lead_id, campaign_key, evidence, occurred_at, detected_at)
            VALUES ($id, $type, $lead, $campaign, $evidence, $occurred, $detected)
            ON CONFLICT (signal_id) DO NOTHING
            RETURNING signal_id
            """;
        var parameters = ParameterNames.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        foreach (var signal in signals)
        {
            object?[] values = [signal.Id, signal.Type, signal.LeadId, signal.CampaignKey, SignalJson.Evidence(signal.Evidence),
                signal.OccurredAt.UtcTicks, signal.DetectedAt.UtcTicks];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            if (command.ExecuteScalar() is string id) inserted.Add(id);
        }
        return inserted;
    }

    public static IReadOnlyList<Signal> Read(SqliteConnection connection, string sql, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var signals = new List<Signal>();
        while (reader.Read()) signals.Add(Read(reader, offset: 0));
        return signals;
    }

    /// <summary>The signal in the current row, whose <see cref="Columns"/> start at <paramref name="offset"/>.</summary>
    public static Signal Read(SqliteDataReader reader, int offset) => new(
        reader.GetString(offset), reader.GetString(offset + 1), reader.GetString(offset + 2), reader.IsDBNull(offset + 3) ? null : reader.GetString(offset + 3),
        SignalJson.Evidence(reader.GetString(offset + 4)), Utc(reader.GetInt64(offset + 5)), Utc(reader.GetInt64(offset + 6)));

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
