using Conversations.Abstractions.Timeline;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

/// <summary>What a PostgreSQL error says about the data written and about the connection it came on.</summary>
internal static class PostgreSqlFailures
{
    // Data exceptions (22: a NUL in text, a value out of range), integrity constraints (23) and program limits (54: a
    // row too large): the server refused what one statement held and rolled the transaction back.
    private static readonly string[] ContentClasses = ["22", "23", "54"];

    // Connection exceptions, and the server going away (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
    private static readonly string[] ConnectionStates = ["57P01", "57P02", "57P03"];

    /// <summary>
    /// When the server refused a value of the batch (the transaction was rolled back, so parts of it can run again),
    /// the refusal as the append at fault sees it: the SQLSTATE and what it means, never the value. Otherwise null.
    /// </summary>
    public static ValueRefusedByStoreException? RefusalOf(Exception exception) =>
        exception is PostgresException { SqlState: { Length: 5 } state } refused && ContentClasses.Contains(state[..2])
            ? new ValueRefusedByStoreException(
                $"PostgreSQL refused a value of this delivery (SQLSTATE {state}, {Meaning(state)}), so it was not stored; " +
                "sending it again will not help.", refused)
            : null;

    /// <summary>The connection failed (or was closed by a server that stopped): a fresh connection may succeed.</summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException { SqlState: { } state } => state.StartsWith("08", StringComparison.Ordinal) || ConnectionStates.Contains(state),
        NpgsqlException => true,
        _ => false,
    };

    private static string Meaning(string sqlState) => sqlState[..2] switch
    {
        "22" => "a character or value it cannot store",
        "23" => "a constraint",
        _ => "a size limit",
    };

    /// <summary>
    /// After a failed statement, no pooled connection is used again: the failed one may believe statements prepared
    /// that the server never prepared (auto-preparation within a batch that failed, npgsql/npgsql#6391), and after a
    /// server restart the idle ones are dead. Idle connections close now, busy ones when they are returned.
    /// </summary>
    public static void ForgetPooledConnections(NpgsqlDataSource dataSource) => dataSource.Clear();

    /// <summary>
    /// Runs a read; when it fails on a connection that died (the server restarted since the connection was pooled),
    /// drops the pooled connections and runs it once more, so a restart costs a caller nothing once the server is back.
    /// </summary>
    public static async Task<T> RetryOnceOnDeadConnectionAsync<T>(
        NpgsqlDataSource dataSource, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read(cancellationToken);
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            ForgetPooledConnections(dataSource);
            if (!IsConnectionFailure(exception)) throw;
            return await read(cancellationToken);
        }
    }
}
