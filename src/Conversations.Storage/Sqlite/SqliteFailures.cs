using Conversations.Abstractions.Timeline;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>What a SQLite error says about the data written.</summary>
internal static class SqliteFailures
{
    private const int TooBig = 18;
    private const int Constraint = 19;
    private const int Mismatch = 20;

    /// <summary>
    /// When SQLite refused a value of the batch (too big, a constraint, a type mismatch; the transaction is rolled
    /// back), the refusal as the append at fault sees it; otherwise null.
    /// </summary>
    public static ValueRefusedByStoreException? RefusalOf(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: TooBig or Constraint or Mismatch } refused
            ? new ValueRefusedByStoreException(
                $"The embedded store refused a value of this delivery (SQLite error {refused.SqliteErrorCode}), so it was not stored; " +
                "sending it again will not help.", refused)
            : null;
}
