using Conversations.Abstractions.Timeline;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Archive;

/// <summary>Archives raw deliveries in the embedded SQLite file, alone or in a timeline's group commit.</summary>
internal static class SqliteDeliveryRows
{
    private static readonly string[] InsertParameterNames = ["$provider", "$received", "$type", "$headers", "$body", "$outcome"];

    /// <summary>Inserts the deliveries within <paramref name="transaction"/>; returns their archive ids, in order.</summary>
    public static List<long> Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<RawDelivery> deliveries)
    {
        var ids = new List<long>(deliveries.Count);
        if (deliveries.Count == 0) return ids;
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO webhook_deliveries (provider, received_at, content_type, headers, body, outcome)
            VALUES ($provider, $received, $type, $headers, $body, $outcome) RETURNING id
            """;
        var parameters = InsertParameterNames
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        foreach (var delivery in deliveries)
        {
            // A missing value is bound as NULL, so that the schema refuses it (a constraint) rather than the driver.
            parameters[0].Value = (object?)delivery.Provider ?? DBNull.Value;
            parameters[1].Value = delivery.ReceivedAt.UtcTicks;
            parameters[2].Value = (object?)delivery.ContentType ?? DBNull.Value;
            parameters[3].Value = HeaderJson.Serialize(delivery.Headers);
            parameters[4].Value = delivery.Body.ToArray();
            parameters[5].Value = (object?)delivery.Outcome ?? DBNull.Value;
            ids.Add((long)insert.ExecuteScalar()!);
        }
        return ids;
    }
}
