using Conversations.Abstractions.Leads;
using Conversations.Storage.GroupCommit;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

/// <summary>
/// The alias directory in PostgreSQL (<c>lead_aliases</c>). Lookups from concurrent deliveries are batched into one
/// indexed query each, so that a burst of new people costs one round trip per batch, not one per delivery.
/// </summary>
public sealed class PostgreSqlLeadDirectory : ILeadDirectory, IAsyncDisposable
{
    private const string SelectAliases = "SELECT alias FROM lead_aliases WHERE lead_id = @lead_id ORDER BY linked_at, alias";

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitQueue<IReadOnlyCollection<string>, IReadOnlyDictionary<string, string>> _lookups;

    public PostgreSqlLeadDirectory(NpgsqlDataSource dataSource, int maxBatchSize, int readers)
    {
        _dataSource = dataSource;
        _lookups = new("lead-lookup", LookUpAsync, maxBatchSize, readers);
    }

    public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> aliases, CancellationToken cancellationToken = default) =>
        aliases.Count == 0 ? Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()) : _lookups.EnqueueAsync(aliases, cancellationToken);

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> LookUpAsync(
        IReadOnlyList<IReadOnlyCollection<string>> requests, CancellationToken cancellationToken)
    {
        var all = requests.SelectMany(aliases => aliases).Distinct(StringComparer.Ordinal).ToArray();
        var found = await PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(_dataSource, async token =>
        {
            await using var command = _dataSource.CreateCommand();
            return await PostgreSqlAliasRows.HoldersAsync(command, all, token);
        }, cancellationToken);
        return requests.Select(aliases => (IReadOnlyDictionary<string, string>)aliases
            .Where(found.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(alias => alias, alias => found[alias], StringComparer.Ordinal)).ToList();
    }

    public Task<IReadOnlyList<string>> AliasesOfAsync(string leadId, CancellationToken cancellationToken = default) =>
        PostgreSqlFailures.RetryOnceOnDeadConnectionAsync(_dataSource, async token =>
        {
            await using var command = _dataSource.CreateCommand(SelectAliases);
            command.Parameters.AddWithValue("lead_id", leadId);
            var aliases = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token)) aliases.Add(reader.GetString(0));
            return (IReadOnlyList<string>)aliases;
        }, cancellationToken);

    public ValueTask DisposeAsync() => _lookups.DisposeAsync();
}
