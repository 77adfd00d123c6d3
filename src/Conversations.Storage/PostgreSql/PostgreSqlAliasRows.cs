using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.PostgreSql;

/// <summary>The read of <c>lead_aliases</c> shared by the directory's lookups and the timeline's check of lost claims.</summary>
internal static class PostgreSqlAliasRows
{
    private const string SelectHolders = "SELECT alias, lead_id FROM lead_aliases WHERE alias = ANY(@aliases)";

    /// <summary>The lead of each of <paramref name="aliases"/> that has one.</summary>
    public static async Task<Dictionary<string, string>> HoldersAsync(NpgsqlCommand command, IEnumerable<string> aliases, CancellationToken cancellationToken)
    {
        command.CommandText = SelectHolders;
        command.Parameters.Add(new NpgsqlParameter<string[]>("aliases", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = aliases.ToArray() });
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) holders[reader.GetString(0)] = reader.GetString(1);
        return holders;
    }
}
