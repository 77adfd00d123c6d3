using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Timeline;

public sealed class PostgreSqlTimelineReadTests(PostgresServerFixture postgres) : TimelineReadContract, IClassFixture<PostgresServerFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<ITimelineStore> CreateStoreAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);
        _dataSource = PostgreSqlDataSource.Create(connectionString);
        return new PostgreSqlTimelineStore(_dataSource, maxBatchSize: 16, writers: 1);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
