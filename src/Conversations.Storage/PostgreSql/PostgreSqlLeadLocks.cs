using Npgsql;
using NpgsqlTypes;

namespace Conversations.Storage.PostgreSql;

/// <summary>
/// One transaction-scoped advisory lock per lead (by the hash of its id, in the two-key space <see cref="Space"/>):
/// appends hold it shared, merges and unmerges exclusively, and both take them in hash order, so a merge waits for the
/// appends to its leads in flight, and appends that come after it find the leads as the merge left them.
/// </summary>
internal static class PostgreSqlLeadLocks
{
    /// <summary>The first key of every lead lock (0x4C454144, 'LEAD'), apart from other advisory locks (the schema migrator's).</summary>
    public const string Space = "1279607108";

    /// <summary>Takes the locks of <c>@lead_ids</c> shared, in hash order: appends, which never wait on each other here.</summary>
    public static readonly string LockShared = Locking("pg_advisory_xact_lock_shared");

    private static readonly string LockExclusively = Locking("pg_advisory_xact_lock");

    // One statement shape for both modes, so shared and exclusive locks are always taken in the same order.
    private static string Locking(string function) => $"""
        SELECT count({function}({Space}, h))
        FROM (SELECT DISTINCT hashtext(l) AS h FROM unnest(@lead_ids) AS l ORDER BY h) AS locks
        """;

    public static async Task LockExclusivelyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> leadIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockExclusively, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("lead_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = leadIds.ToArray() });
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
