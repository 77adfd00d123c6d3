using Conversations.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// Applies the schema scripts embedded from deploy/sqlite, in name order, recording each in
/// <c>conversations_schema_migrations</c> so that it runs once per file (the same form as the PostgreSQL migrator).
/// </summary>
/// <remarks>
/// Files created before the scripts existed have the tables but no record: the scripts are idempotent
/// (<c>IF NOT EXISTS</c>), so they apply as no-ops there and are recorded, and later scripts apply as upgrades.
/// </remarks>
public static class SqliteSchemaMigrator
{
    private static readonly EmbeddedSchemaScripts Scripts = new("Conversations.Storage.Sqlite.Schema.");

    /// <summary>File names of the embedded scripts (e.g. <c>010_timeline.sql</c>), in the order they are applied.</summary>
    public static IReadOnlyList<string> EmbeddedScriptNames => Scripts.Names;

    /// <summary>The text of an embedded script, by file name.</summary>
    public static string ReadEmbeddedScript(string scriptName) => Scripts.Read(scriptName);

    /// <summary>Applies the scripts this file has not seen yet and returns their names.</summary>
    /// <remarks>
    /// One immediate transaction (SQLite DDL is transactional): processes opening the file together apply each
    /// script once, and a failing script leaves the file as it was.
    /// </remarks>
    public static IReadOnlyList<string> Apply(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS conversations_schema_migrations (
                script     TEXT NOT NULL PRIMARY KEY,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) WITHOUT ROWID
            """);

        var alreadyApplied = new HashSet<string>(StringComparer.Ordinal);
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT script FROM conversations_schema_migrations";
            using var reader = select.ExecuteReader();
            while (reader.Read()) alreadyApplied.Add(reader.GetString(0));
        }

        var applied = new List<string>();
        foreach (var script in Scripts.Names.Where(s => !alreadyApplied.Contains(s)))
        {
            Execute(connection, transaction, Scripts.Read(script));
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO conversations_schema_migrations (script) VALUES ($script)";
            record.Parameters.AddWithValue("$script", script);
            record.ExecuteNonQuery();
            applied.Add(script);
        }
        transaction.Commit();
        return applied;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
