using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.Merges;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

public sealed class PostgreSqlLeadMergeTests(PostgresServerFixture postgres) : LeadMergeContract, IClassFixture<PostgresServerFixture>
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string? _connectionString;

    protected override async Task<(ITimelineStore Timeline, ILeadDirectory Directory, ILeadMerges Merges)> OpenStoresAsync()
    {
        if (_connectionString is null)
        {
            _connectionString = await postgres.CreateDatabaseAsync();
            await new PostgreSqlSchemaMigrator().ApplyAsync(_connectionString, CancellationToken.None);
        }
        // Data sources of their own per call: a second call is a second silo over the same database.
        var dataSource = PostgreSqlDataSource.Create(_connectionString);
        var lookups = PostgreSqlDataSource.CreateForGrowingLookups(_connectionString);
        _dataSources.AddRange([dataSource, lookups]);
        var merges = new LeadMerges((_, token) => PostgreSqlLeadMergeSession.BeginAsync(lookups, token));
        return (new PostgreSqlTimelineStore(dataSource, maxBatchSize: 64, writers: 2), new PostgreSqlLeadDirectory(lookups, maxBatchSize: 64, readers: 1), merges);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dataSource in _dataSources) await dataSource.DisposeAsync();
    }
}
