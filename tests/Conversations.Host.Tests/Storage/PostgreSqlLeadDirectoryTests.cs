using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

public sealed class PostgreSqlLeadDirectoryTests(PostgresServerFixture postgres) : LeadDirectoryContract, IClassFixture<PostgresServerFixture>
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string? _connectionString;

    protected override async Task<(ITimelineStore Timeline, ILeadDirectory Directory)> OpenStoresAsync()
    {
        if (_connectionString is null)
        {
            _connectionString = await postgres.CreateDatabaseAsync();
            await new PostgreSqlSchemaMigrator().ApplyAsync(_connectionString, CancellationToken.None);
        }
        // A data source of its own per call: a second call is a second silo over the same database.
        var dataSource = PostgreSqlDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        return (new PostgreSqlTimelineStore(dataSource, maxBatchSize: 64, writers: 2), new PostgreSqlLeadDirectory(dataSource, maxBatchSize: 64, readers: 2));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dataSource in _dataSources) await dataSource.DisposeAsync();
    }
}
