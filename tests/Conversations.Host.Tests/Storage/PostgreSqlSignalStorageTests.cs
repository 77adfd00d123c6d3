using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.Merges;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

public sealed class PostgreSqlSignalStorageTests(PostgresServerFixture postgres) : SignalStorageContract, IClassFixture<PostgresServerFixture>
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<(ITimelineStore Timeline, ILeadMerges Merges)> OpenStoresAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);
        var dataSource = PostgreSqlDataSource.Create(connectionString);
        var lookups = PostgreSqlDataSource.CreateForGrowingLookups(connectionString);
        _dataSources.AddRange([dataSource, lookups]);
        return (new PostgreSqlTimelineStore(dataSource, maxBatchSize: 64, writers: 2),
            new LeadMerges((_, token) => PostgreSqlLeadMergeSession.BeginAsync(lookups, token)));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dataSource in _dataSources) await dataSource.DisposeAsync();
    }
}
