using Conversations.Storage.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

/// <summary>
/// Applies the schema scripts embedded from deploy/postgresql (the Orleans ADO.NET tables and queries, then
/// ours), in name order, recording each in <c>conversations_schema_migrations</c> so that it runs once per database.
/// </summary>
public sealed partial class PostgreSqlSchemaMigrator(ILogger<PostgreSqlSchemaMigrator>? logger = null)
{
    // Any fixed key works, as long as every process that migrates this schema uses the same one.
    private const long MigrationLockKey = 0x436F6E7653636865; // "ConvSche"

    private readonly ILogger _logger = logger ?? NullLogger<PostgreSqlSchemaMigrator>.Instance;

    private static readonly EmbeddedSchemaScripts Scripts = new("Conversations.Storage.PostgreSql.Schema.");

    /// <summary>File names of the embedded scripts (e.g. <c>001_orleans_main.sql</c>), in the order they are applied.</summary>
    public static IReadOnlyList<string> EmbeddedScriptNames => Scripts.Names;

    /// <summary>The text of an embedded script, by file name.</summary>
    public static string ReadEmbeddedScript(string scriptName) => Scripts.Read(scriptName);

    /// <summary>Applies the scripts this database has not seen yet and returns their names.</summary>
    /// <remarks>
    /// Everything happens in one transaction under an advisory lock, so silos starting together apply each script
    /// once (the others wait, then find it recorded), and a failing script leaves the database as it was.
    /// Statements use the connection string's Command Timeout (Npgsql default 30 s), which also bounds the wait for the lock.
    /// </remarks>
    public async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", MigrationLockKey);
            await command.ExecuteNonQueryAsync(ct);
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS conversations_schema_migrations
            (
                script     text        NOT NULL PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, ct);

        var alreadyApplied = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT script FROM conversations_schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                alreadyApplied.Add(reader.GetString(0));
            }
        }

        var applied = new List<string>();
        foreach (var script in EmbeddedScriptNames.Where(s => !alreadyApplied.Contains(s)))
        {
            LogApplying(_logger, script);
            await ExecuteAsync(connection, transaction, ReadEmbeddedScript(script), ct);
            await using (var record = new NpgsqlCommand("INSERT INTO conversations_schema_migrations (script) VALUES (@script)", connection, transaction))
            {
                record.Parameters.AddWithValue("script", script);
                await record.ExecuteNonQueryAsync(ct);
            }
            applied.Add(script);
        }

        await transaction.CommitAsync(ct);
        LogApplied(_logger, applied.Count, EmbeddedScriptNames.Count - applied.Count);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying PostgreSQL schema script {Script}")]
    private static partial void LogApplying(ILogger logger, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema is current: {AppliedCount} script(s) applied now, {SkippedCount} already applied")]
    private static partial void LogApplied(ILogger logger, int appliedCount, int skippedCount);
}
