using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.PostgreSql;

/// <summary>Array parameters for the <c>unnest</c> inserts of a group commit, one element per row.</summary>
internal static class PostgreSqlArrays
{
    public static NpgsqlParameter<string?[]> Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values.ToArray() };

    public static NpgsqlParameter<DateTime[]> Times(string name, IEnumerable<DateTimeOffset> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = values.Select(value => value.UtcDateTime).ToArray() };
}
