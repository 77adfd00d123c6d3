using System.Text.Json;
using Conversations.Abstractions.Outbox;
using Conversations.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>Writes, claims and deletes of <c>stream_outbox</c> (deploy/sqlite/016_stream_outbox.sql).</summary>
internal static class SqliteOutboxRows
{
    /// <summary>Records what a transaction stored, one row per kind that it stored any of.</summary>
    public static void Record(SqliteConnection connection, SqliteTransaction transaction, OutboxEntry entry, DateTimeOffset attemptAfter)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO stream_outbox (outbox_id, item_kind, item_ids, attempt_after) VALUES ($id, $kind, $items, $after)
            """;
        command.Parameters.AddWithValue("$id", entry.Id.ToString("N"));
        command.Parameters.AddWithValue("$after", attemptAfter.UtcTicks);
        var kind = command.Parameters.Add(new SqliteParameter { ParameterName = "$kind" });
        var items = command.Parameters.Add(new SqliteParameter { ParameterName = "$items" });
        foreach (var (itemKind, ids) in new[]
        {
            (OutboxItemKind.Events, entry.Events.Select(e => e.Event.EventId).ToArray()),
            (OutboxItemKind.Signals, entry.Signals.Select(s => s.Id).ToArray()),
        })
        {
            if (ids.Length == 0) continue;
            kind.Value = (short)itemKind;
            items.Value = JsonSerializer.Serialize(ids);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Leases up to <paramref name="limit"/> rows due at <paramref name="now"/> until <paramref name="leaseUntil"/>.</summary>
    public static List<(Guid Id, OutboxItemKind Kind, string[] ItemIds)> Claim(SqliteConnection connection, DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE stream_outbox SET attempt_after = $lease_until
            WHERE rowid IN (SELECT rowid FROM stream_outbox WHERE attempt_after <= $now ORDER BY attempt_after LIMIT $limit)
            RETURNING outbox_id, item_kind, item_ids
            """;
        command.Parameters.AddWithValue("$lease_until", leaseUntil.UtcTicks);
        command.Parameters.AddWithValue("$now", now.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<(Guid, OutboxItemKind, string[])>();
        while (reader.Read())
            rows.Add((Guid.ParseExact(reader.GetString(0), "N"), (OutboxItemKind)reader.GetInt16(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2))!));
        return rows;
    }

    public static void Delete(SqliteConnection connection, IReadOnlyCollection<Guid> ids)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM stream_outbox WHERE outbox_id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids.Select(id => id.ToString("N"))));
        command.ExecuteNonQuery();
    }
}
