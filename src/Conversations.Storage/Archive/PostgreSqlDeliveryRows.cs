using Conversations.Abstractions.Timeline;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.Archive;

/// <summary>The one statement that archives raw deliveries in PostgreSQL, alone or in a timeline's group commit.</summary>
internal static class PostgreSqlDeliveryRows
{
    // Identity values are drawn in the order rows are inserted (ORDER BY n), so sorted ids line up with the deliveries.
    private const string Insert = """
        INSERT INTO webhook_deliveries (provider, received_at, content_type, headers, body, outcome)
        SELECT p, r, c, h::jsonb, b, o FROM unnest(@providers, @received_at, @content_types, @headers, @bodies, @outcomes)
            WITH ORDINALITY AS t(p, r, c, h, b, o, n)
        ORDER BY n
        RETURNING id
        """;

    public static NpgsqlBatchCommand InsertCommand(IReadOnlyList<RawDelivery> deliveries)
    {
        var command = new NpgsqlBatchCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<string[]>("providers", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = deliveries.Select(d => d.Provider).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("received_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = deliveries.Select(d => d.ReceivedAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("content_types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = deliveries.Select(d => d.ContentType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("headers", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = deliveries.Select(d => HeaderJson.Serialize(d.Headers)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("bodies", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = deliveries.Select(d => d.Body.ToArray()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("outcomes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = deliveries.Select(d => d.Outcome).ToArray() });
        return command;
    }
}
