using Microsoft.Data.Sqlite;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit is on disk before
/// it is acknowledged. Holds the timeline log, the campaign funnel and Orleans grain state.
/// </summary>
public sealed class SqliteDatabase
{
    public const string FileName = "conversations.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS conversation_events (
            position     INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id     TEXT    NOT NULL UNIQUE,
            lead_key     TEXT    NOT NULL,
            occurred_at  INTEGER NOT NULL,
            received_at  INTEGER NOT NULL,
            kind         TEXT    NOT NULL,
            provider     TEXT    NOT NULL,
            campaign_key TEXT    NULL,
            payload      TEXT    NOT NULL);
        CREATE INDEX IF NOT EXISTS conversation_events_by_lead ON conversation_events (lead_key, position);
        CREATE INDEX IF NOT EXISTS conversation_events_by_lead_occurred_at ON conversation_events (lead_key, occurred_at, position);
        CREATE TABLE IF NOT EXISTS campaign_funnel (
            campaign_key TEXT NOT NULL,
            stage        TEXT NOT NULL,
            lead_key     TEXT NOT NULL,
            PRIMARY KEY (campaign_key, stage, lead_key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS campaigns (
            campaign_key TEXT NOT NULL PRIMARY KEY,
            name         TEXT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            provider     TEXT    NOT NULL,
            received_at  INTEGER NOT NULL,
            content_type TEXT    NOT NULL,
            headers      TEXT    NOT NULL,
            body         BLOB    NOT NULL,
            outcome      TEXT    NOT NULL);
        CREATE INDEX IF NOT EXISTS webhook_deliveries_by_received_at ON webhook_deliveries (received_at);
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            payload    BLOB NOT NULL,
            PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
        """;

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
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
        command.ExecuteNonQuery();
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
