using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.Archive;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

public sealed class PostgreSqlAppendCommitTests(PostgresServerFixture postgres) : AppendCommitContract, IClassFixture<PostgresServerFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override bool RefusesNulInText => true;

    protected override async Task<(ITimelineStore Timeline, IDeliveryArchive Archive)> CreateStoresAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);
        _dataSource = PostgreSqlDataSource.Create(connectionString);
        return (new PostgreSqlTimelineStore(_dataSource, maxBatchSize: 64, writers: 1),
                new PostgreSqlDeliveryArchive(_dataSource, maxBatchSize: 64, writers: 1));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
