using System.Data.Common;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

public sealed class PostgreSqlLeadIdMigrationTests(PostgresServerFixture postgres) : LeadIdMigrationContract, IClassFixture<PostgresServerFixture>
{
    protected override IReadOnlyList<string> ScriptNames => PostgreSqlSchemaMigrator.EmbeddedScriptNames;

    protected override StoreTypes Types { get; } = new(Text: "text", Position: "bigint", Instant: "timestamp with time zone", Json: "jsonb");

    protected override string EventsPrimaryKey => "event_id";

    protected override string ReadScript(string scriptName) => PostgreSqlSchemaMigrator.ReadEmbeddedScript(scriptName);

    protected override Task<string> CreateDatabaseAsync() => postgres.CreateDatabaseAsync();

    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);

    protected override Task<IReadOnlyList<string>> MigrateAsync(string connectionString) =>
        new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);

    protected override object ToStored(DateTime utc) => utc;

    protected override DateTime FromStored(object stored) => (DateTime)stored;

    protected override Task<IReadOnlyList<(string Name, string Type, bool NotNull)>> ReadColumnsAsync(string connectionString, string table) =>
        QueryAsync(connectionString, """
            SELECT column_name, data_type, is_nullable = 'NO'
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table
            ORDER BY ordinal_position
            """,
            r => (r.GetString(0), r.GetString(1), r.GetBoolean(2)), ("@table", table));

    protected override Task<IReadOnlyList<string>> ReadPrimaryKeyAsync(string connectionString, string table) =>
        QueryAsync(connectionString, """
            SELECT k.column_name
            FROM information_schema.table_constraints AS c
            JOIN information_schema.key_column_usage AS k USING (constraint_schema, constraint_name)
            WHERE c.table_schema = current_schema() AND c.table_name = @table AND c.constraint_type = 'PRIMARY KEY'
            ORDER BY k.ordinal_position
            """,
            r => r.GetString(0), ("@table", table));

    protected override Task<IReadOnlyList<(string Name, string Columns)>> ReadIndexesAsync(string connectionString, string table) =>
        QueryAsync(connectionString, """
            SELECT i.relname::text, string_agg(a.attname::text, ', ' ORDER BY k.ord)
            FROM pg_index AS x
            JOIN pg_class AS i ON i.oid = x.indexrelid
            JOIN pg_class AS t ON t.oid = x.indrelid
            CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE t.relname = @table AND t.relnamespace = current_schema()::regnamespace AND NOT x.indisprimary
            GROUP BY i.relname
            """,
            r => (r.GetString(0), r.GetString(1)), ("@table", table));

    [Fact]
    public async Task Scripts_AppliedAgainByHandAfterTheMigration_ChangeNothing()
    {
        var database = await CreateSeeded012DatabaseAsync();
        await MigrateAsync(database);
        var migrated = await ReadRowsAsync(database);

        await ExecuteAsync(database, ReadScript(LeadIdMigrationCase.LeadIdsScript));
        LeadIdMigrationCase.AssertSame(migrated, await ReadRowsAsync(database));

        // 010 and 012 must not bring back the indexes on lead_key that 013 replaced.
        foreach (var script in ScriptNames)
        {
            await ExecuteAsync(database, ReadScript(script));
        }
        LeadIdMigrationCase.AssertSame(migrated, await ReadRowsAsync(database));
        Assert.Equal(LeadIdMigrationCase.ExpectedSchema(Types, EventsPrimaryKey), await ReadSchemaAsync(database));
    }

    [Fact]
    public async Task Migrator_OnNewDatabase_NamesTheAliasKeyAndStampsLinksWithTheServerClock()
    {
        var database = await CreateDatabaseAsync();
        await MigrateAsync(database);

        Assert.Equal(["campaign_funnel_pk", "lead_aliases_pk"], await QueryAsync(database, """
            SELECT constraint_name::text FROM information_schema.table_constraints
            WHERE table_schema = current_schema() AND table_name IN ('campaign_funnel', 'lead_aliases') AND constraint_type = 'PRIMARY KEY'
            ORDER BY constraint_name
            """, r => r.GetString(0)));
        Assert.Equal(["now()"], await QueryAsync(database, """
            SELECT column_default::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'lead_aliases' AND column_name = 'linked_at'
            """, r => r.GetString(0)));
    }
}
