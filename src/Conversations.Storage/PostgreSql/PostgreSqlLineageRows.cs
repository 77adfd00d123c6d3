using System.Data.Common;

namespace Conversations.Storage.PostgreSql;

/// <summary>The read of <c>lead_lineage</c> shared by the timeline's group commit and the merges.</summary>
internal static class PostgreSqlLineageRows
{
    public const string Select = "SELECT lead_id, merged_into, generation FROM lead_lineage WHERE lead_id = ANY(@lead_ids)";

    /// <summary>Reads the rows of <see cref="Select"/> from the reader's current result into <paramref name="lineage"/>.</summary>
    public static async Task ReadAsync(DbDataReader reader, Dictionary<string, LeadLineage> lineage, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
            lineage[reader.GetString(0)] = new LeadLineage(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
    }
}
