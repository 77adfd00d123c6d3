using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

public sealed class PostgreSqlStreamOutboxTests(PostgresServerFixture postgres) : StreamOutboxContract, IClassFixture<PostgresServerFixture>
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<(ITimelineStore Timeline, IStreamOutbox Outbox)> OpenStoresAsync(OutboxFeed feed)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);
        _dataSource = PostgreSqlDataSource.Create(connectionString);
        return (new PostgreSqlTimelineStore(_dataSource, maxBatchSize: 64, writers: 2, feed), new PostgreSqlStreamOutbox(_dataSource, feed));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dataSource is not null) await _dataSource.DisposeAsync();
    }
}
