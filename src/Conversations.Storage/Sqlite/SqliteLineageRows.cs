using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>Reads of <c>lead_lineage</c>: which leads were merged, into which lead, at which generation.</summary>
internal static class SqliteLineageRows
{
    public static Dictionary<string, LeadLineage> Read(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<string> leadIds)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT merged_into, generation FROM lead_lineage WHERE lead_id = $lead";
        var parameter = command.Parameters.Add("$lead", SqliteType.Text);
        var lineage = new Dictionary<string, LeadLineage>(StringComparer.Ordinal);
        foreach (var leadId in leadIds)
        {
            parameter.Value = leadId;
            using var reader = command.ExecuteReader();
            if (reader.Read()) lineage[leadId] = new LeadLineage(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1));
        }
        return lineage;
    }
}
