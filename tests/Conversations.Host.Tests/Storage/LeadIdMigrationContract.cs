using System.Data.Common;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// 013_lead_ids.sql on every store: a database at schema 012 keeps its rows, each old lead key becoming the one
/// alias of its own new lead; migrating again changes nothing; a new database ends with the same schema.
/// </summary>
public abstract class LeadIdMigrationContract
{
    private static readonly string[] Tables = ["conversation_events", "campaign_funnel", "lead_aliases"];

    protected abstract IReadOnlyList<string> ScriptNames { get; }

    protected abstract StoreTypes Types { get; }

    protected abstract string EventsPrimaryKey { get; }

    protected abstract string ReadScript(string scriptName);

    /// <summary>A new, empty database; returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract DbConnection Connect(string connectionString);

    /// <summary>Runs the store's migrator and returns the scripts it applied.</summary>
    protected abstract Task<IReadOnlyList<string>> MigrateAsync(string connectionString);

    /// <summary>An instant as the store keeps it, and back.</summary>
    protected abstract object ToStored(DateTime utc);

    protected abstract DateTime FromStored(object stored);

    protected abstract Task<IReadOnlyList<(string Name, string Type, bool NotNull)>> ReadColumnsAsync(string connectionString, string table);

    protected abstract Task<IReadOnlyList<string>> ReadPrimaryKeyAsync(string connectionString, string table);

    /// <summary>Indexes other than the primary key's and unique constraints', with their columns ("a, b").</summary>
    protected abstract Task<IReadOnlyList<(string Name, string Columns)>> ReadIndexesAsync(string connectionString, string table);

    [Fact]
    public async Task Migrator_On012DatabaseWithRows_MakesEachOldKeyTheOneAliasOfItsOwnLead()
    {
        var database = await CreateSeeded012DatabaseAsync();
        var positions = (await QueryAsync(database, "SELECT event_id, position FROM conversation_events",
            r => (EventId: r.GetString(0), Position: r.GetInt64(1)))).ToDictionary(e => e.EventId, e => e.Position);
        var migratedFrom = DateTime.UtcNow;

        // Nothing is recorded (like a legacy database), so the earlier scripts apply again, as no-ops.
        var applied = await MigrateAsync(database);

        Assert.Equal(ScriptNames, applied);
        LeadIdMigrationCase.AssertMigrated(await ReadRowsAsync(database), positions, migratedFrom, DateTime.UtcNow);
        Assert.Equal(LeadIdMigrationCase.ExpectedSchema(Types, EventsPrimaryKey), await ReadSchemaAsync(database));
    }

    [Fact]
    public async Task Migrator_AppliedAgain_ChangesNothing()
    {
        var database = await CreateSeeded012DatabaseAsync();
        await MigrateAsync(database);
        var migrated = await ReadRowsAsync(database);

        Assert.Empty(await MigrateAsync(database));

        LeadIdMigrationCase.AssertSame(migrated, await ReadRowsAsync(database));
    }

    [Fact]
    public async Task Migrator_OnNewDatabase_CreatesTheLeadIdSchemaWithNoRows()
    {
        var database = await CreateDatabaseAsync();

        Assert.Equal(ScriptNames, await MigrateAsync(database));

        Assert.Equal(LeadIdMigrationCase.ExpectedSchema(Types, EventsPrimaryKey), await ReadSchemaAsync(database));
        var rows = await ReadRowsAsync(database);
        Assert.Empty(rows.Aliases);
        Assert.Empty(rows.Events);
        Assert.Empty(rows.Funnel);
    }

    /// <summary>A new database at schema 012 (the scripts before 013, run by name) holding the case's rows.</summary>
    protected async Task<string> CreateSeeded012DatabaseAsync()
    {
        var database = await CreateDatabaseAsync();
        foreach (var script in LeadIdMigrationCase.ScriptsBeforeLeadIds(ScriptNames))
        {
            await ExecuteAsync(database, ReadScript(script));
        }
        var occurredAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        foreach (var (eventId, leadKey) in LeadIdMigrationCase.Events)
        {
            occurredAt = occurredAt.AddMinutes(1);
            await ExecuteAsync(database, """
                INSERT INTO conversation_events (event_id, lead_key, occurred_at, received_at, kind, provider, payload)
                VALUES (@event_id, @lead_key, @at, @at, 'email.opened', 'test', '{}')
                """, ("@event_id", eventId), ("@lead_key", leadKey), ("@at", ToStored(occurredAt)));
        }
        foreach (var (campaign, stage, leadKey) in LeadIdMigrationCase.Funnel)
        {
            await ExecuteAsync(database, "INSERT INTO campaign_funnel (campaign_key, stage, lead_key) VALUES (@campaign, @stage, @lead_key)",
                ("@campaign", campaign), ("@stage", stage), ("@lead_key", leadKey));
        }
        return database;
    }

    protected async Task<MigratedRows> ReadRowsAsync(string database) => new(
        await QueryAsync(database, "SELECT alias, lead_id, linked_at, linked_by_event FROM lead_aliases ORDER BY alias",
            r => new AliasRow(r.GetString(0), r.GetString(1), FromStored(r.GetValue(2)), r.IsDBNull(3) ? null : r.GetString(3))),
        await QueryAsync(database, "SELECT position, event_id, arrived_as, lead_id FROM conversation_events ORDER BY position",
            r => new EventRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3))),
        await QueryAsync(database, "SELECT campaign_key, stage, lead_id FROM campaign_funnel ORDER BY campaign_key, stage, lead_id",
            r => new FunnelRow(r.GetString(0), r.GetString(1), r.GetString(2))));

    /// <summary>The catalog in the form of <see cref="LeadIdMigrationCase.ExpectedSchema"/>.</summary>
    protected async Task<IReadOnlyList<string>> ReadSchemaAsync(string database)
    {
        var lines = new List<string>();
        foreach (var table in Tables)
        {
            lines.AddRange((await ReadColumnsAsync(database, table))
                .Select(c => $"{table}.{c.Name} {c.Type} {(c.NotNull ? "NOT NULL" : "NULL")}"));
            lines.Add($"{table} primary key ({string.Join(", ", await ReadPrimaryKeyAsync(database, table))})");
            lines.AddRange((await ReadIndexesAsync(database, table))
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => $"{table} index {i.Name} ({i.Columns})"));
        }
        return lines;
    }

    protected async Task ExecuteAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(string database, string sql, Func<DbDataReader, T> read,
        params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
