using Conversations.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Conversations.Host.Tests.Storage;

/// <summary>The embedded file's schema comes from deploy/sqlite, versioned like PostgreSQL's, and upgrades older files.</summary>
public sealed class SqliteSchemaMigratorTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-sqlite-schema-").FullName;

    [Fact]
    public void Open_NewFile_AppliesEveryScriptOnceInNameOrder()
    {
        var database = new SqliteDatabase(_dataDirectory);

        Assert.Equal(["003_grain_state.sql", "010_timeline.sql", "011_delivery_archive.sql", "012_timeline_paging.sql", "013_lead_ids.sql", "014_lead_merges.sql", "015_signals.sql", "016_stream_outbox.sql"],
            SqliteSchemaMigrator.EmbeddedScriptNames);
        Assert.Equal(SqliteSchemaMigrator.EmbeddedScriptNames, RecordedScripts(database));
        using var connection = database.Open();
        Assert.Empty(SqliteSchemaMigrator.Apply(connection));
    }

    [Fact]
    public async Task Open_FileCreatedByTheInlineSchema_KeepsItsRowsAndRecordsTheScripts()
    {
        // Files from before deploy/sqlite have the same tables (the scripts hold the old inline schema) and no record;
        // they predate 013_lead_ids.sql, which the migrator then applies to them as an upgrade.
        var path = Path.Combine(_dataDirectory, SqliteDatabase.FileName);
        using (var legacy = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            legacy.Open();
            using var command = legacy.CreateCommand();
            command.CommandText = string.Concat(LeadIdMigrationCase.ScriptsBeforeLeadIds(SqliteSchemaMigrator.EmbeddedScriptNames)
                .Select(SqliteSchemaMigrator.ReadEmbeddedScript)) +
                "INSERT INTO campaigns (campaign_key, name) VALUES ('c-1', 'Spring');";
            command.ExecuteNonQuery();
        }

        var database = new SqliteDatabase(_dataDirectory);

        Assert.Equal(SqliteSchemaMigrator.EmbeddedScriptNames, RecordedScripts(database));
        await using var store = new SqliteTimelineStore(database, maxBatchSize: 16);
        var funnel = await store.ReadCampaignAsync("c-1");
        Assert.Equal("Spring", funnel?.Name);
    }

    private static IReadOnlyList<string> RecordedScripts(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT script FROM conversations_schema_migrations ORDER BY script";
        using var reader = command.ExecuteReader();
        var scripts = new List<string>();
        while (reader.Read()) scripts.Add(reader.GetString(0));
        return scripts;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
