using System.Data.Common;
using Conversations.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Conversations.Host.Tests.Storage;

public sealed class SqliteLeadIdMigrationTests : LeadIdMigrationContract, IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-lead-ids-").FullName;

    protected override IReadOnlyList<string> ScriptNames => SqliteSchemaMigrator.EmbeddedScriptNames;

    protected override StoreTypes Types { get; } = new(Text: "TEXT", Position: "INTEGER", Instant: "INTEGER", Json: "TEXT");

    protected override string EventsPrimaryKey => "position";

    protected override string ReadScript(string scriptName) => SqliteSchemaMigrator.ReadEmbeddedScript(scriptName);

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_dataDirectory, $"{Guid.NewGuid():N}.db")};Pooling=False");

    protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString);

    protected override Task<IReadOnlyList<string>> MigrateAsync(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Task.FromResult(SqliteSchemaMigrator.Apply(connection));
    }

    protected override object ToStored(DateTime utc) => utc.Ticks;

    protected override DateTime FromStored(object stored) => new((long)stored, DateTimeKind.Utc);

    protected override Task<IReadOnlyList<(string Name, string Type, bool NotNull)>> ReadColumnsAsync(string connectionString, string table) =>
        // An INTEGER PRIMARY KEY is the rowid, which cannot be NULL whatever the declaration says.
        QueryAsync(connectionString, """SELECT name, type, "notnull" = 1 OR (pk > 0 AND type = 'INTEGER') FROM pragma_table_info(@table) ORDER BY cid""",
            r => (r.GetString(0), r.GetString(1), r.GetBoolean(2)), ("@table", table));

    protected override Task<IReadOnlyList<string>> ReadPrimaryKeyAsync(string connectionString, string table) =>
        QueryAsync(connectionString, "SELECT name FROM pragma_table_info(@table) WHERE pk > 0 ORDER BY pk",
            r => r.GetString(0), ("@table", table));

    protected override Task<IReadOnlyList<(string Name, string Columns)>> ReadIndexesAsync(string connectionString, string table) =>
        QueryAsync(connectionString, """
            SELECT i.name, (SELECT group_concat(c.name, ', ') FROM (SELECT name FROM pragma_index_info(i.name) ORDER BY seqno) AS c)
            FROM pragma_index_list(@table) AS i
            WHERE i.origin = 'c'
            """,
            r => (r.GetString(0), r.GetString(1)), ("@table", table));

    [Fact]
    public async Task Migrator_ContinuesTheEventSequence_SoNoPositionIsHandedOutTwice()
    {
        var database = await CreateSeeded012DatabaseAsync();
        var lastPosition = (await QueryAsync(database, "SELECT max(position) FROM conversation_events", r => r.GetInt64(0)))[0];
        await ExecuteAsync(database, "DELETE FROM conversation_events WHERE position = @position", ("@position", lastPosition));
        await MigrateAsync(database);

        await ExecuteAsync(database, """
            INSERT INTO conversation_events (event_id, arrived_as, lead_id, occurred_at, received_at, kind, provider, payload)
            VALUES ('ev-new', 'email:new@example.com', 'ld_00000000000000000000000000000000', 0, 0, 'email.opened', 'test', '{}')
            """);

        var newPosition = await QueryAsync(database, "SELECT position FROM conversation_events WHERE event_id = 'ev-new'", r => r.GetInt64(0));
        Assert.Equal([lastPosition + 1], newPosition);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
