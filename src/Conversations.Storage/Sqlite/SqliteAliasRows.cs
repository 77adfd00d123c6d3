using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>Reads and writes of <c>lead_aliases</c> shared by the timeline's commit and the directory's lookups.</summary>
internal static class SqliteAliasRows
{
    /// <summary>The lead of each alias that has one.</summary>
    public static Dictionary<string, string> Holders(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<string> aliases)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT lead_id FROM lead_aliases WHERE alias = $alias";
        var parameter = command.Parameters.Add("$alias", SqliteType.Text);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alias in aliases)
        {
            parameter.Value = alias;
            if (command.ExecuteScalar() is string leadId) holders[alias] = leadId;
        }
        return holders;
    }

    /// <summary>Links each claimed alias no lead holds yet; returns the aliases linked now.</summary>
    public static HashSet<string> Claim(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AppendBatch.ClaimRow> claims, long linkedAtUtcTicks)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        if (claims.Count == 0) return linked;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO lead_aliases (alias, lead_id, linked_at, linked_by_event) VALUES ($alias, $lead, $at, $event)
            ON CONFLICT (alias) DO NOTHING
            RETURNING alias
            """;
        var alias = command.Parameters.Add("$alias", SqliteType.Text);
        var lead = command.Parameters.Add("$lead", SqliteType.Text);
        command.Parameters.AddWithValue("$at", linkedAtUtcTicks);
        var @event = command.Parameters.Add("$event", SqliteType.Text);
        foreach (var claim in claims)
        {
            alias.Value = claim.Alias;
            lead.Value = claim.LeadId;
            @event.Value = (object?)claim.EventId ?? DBNull.Value;
            if (command.ExecuteScalar() is string inserted) linked.Add(inserted);
        }
        return linked;
    }
}
