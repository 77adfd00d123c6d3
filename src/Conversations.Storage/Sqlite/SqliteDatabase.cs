using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit is on disk before
/// it is acknowledged. Holds the timeline log, the campaign funnel, the delivery archive and Orleans grain state;
/// opening it applies the schema from deploy/sqlite (<see cref="SqliteSchemaMigrator"/>).
/// </summary>
public sealed class SqliteDatabase
{
    public const string FileName = "conversations.db";

    public SqliteDatabase(string dataDirectory)
    {
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, FileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        using (var command = connection.CreateCommand())
        {
            // Outside the migration's transaction: SQLite does not change the journal mode inside one.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }
        SqliteSchemaMigrator.Apply(connection);
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>An open connection with the durability and concurrency settings every connection needs.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=OFF;";
        command.ExecuteNonQuery();
        return connection;
    }
}
