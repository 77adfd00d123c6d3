using Conversations.Abstractions.Leads;

namespace Conversations.Storage.Sqlite;

/// <summary>The alias directory in the embedded SQLite file (<c>lead_aliases</c>); reads run off the caller's thread.</summary>
public sealed class SqliteLeadDirectory(SqliteDatabase database) : ILeadDirectory
{
    public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> aliases, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run<IReadOnlyDictionary<string, string>>(() =>
        {
            using var connection = database.Open();
            return SqliteAliasRows.Holders(connection, null, aliases);
        }, cancellationToken);

    public Task<IReadOnlyList<string>> AliasesOfAsync(string leadId, CancellationToken cancellationToken = default) =>
        OffTheCallersThread.Run<IReadOnlyList<string>>(() =>
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT alias FROM lead_aliases WHERE lead_id = $lead ORDER BY linked_at, alias";
            command.Parameters.AddWithValue("$lead", leadId);
            using var reader = command.ExecuteReader();
            var aliases = new List<string>();
            while (reader.Read()) aliases.Add(reader.GetString(0));
            return aliases;
        }, cancellationToken);
}
