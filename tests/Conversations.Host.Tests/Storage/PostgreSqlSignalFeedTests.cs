using Conversations.Abstractions.Signals;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Storage.PostgreSql;
using Npgsql;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// The signal feed on PostgreSQL, where a position is taken at insert and not at commit: a signal whose transaction
/// commits after a later-inserted one's is neither skipped nor read out of order, because the feed reads only what no
/// running transaction can still come before.
/// </summary>
public sealed class PostgreSqlSignalFeedTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await new PostgreSqlSchemaMigrator().ApplyAsync(connectionString, CancellationToken.None);
        _dataSource = PostgreSqlDataSource.Create(connectionString);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task ASignalCommittedLate_WithTheSmallerPosition_IsNotPassedOver()
    {
        var feed = new PostgreSqlSignalFeed(_dataSource);
        await using var slow = await _dataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        await InsertAsync(slow, slowTransaction, "sg_late");
        await using (var quick = await _dataSource.OpenConnectionAsync()) await InsertAsync(quick, null, "sg_early");

        var whileTheSlowOneRuns = await feed.ReadAfterAsync(SignalFeedCursor.Start, 10);
        await slowTransaction.CommitAsync();
        var afterwards = await feed.ReadAfterAsync(SignalFeedCursor.Start, 10);
        var end = await feed.EndAsync();

        Assert.Empty(whileTheSlowOneRuns);
        Assert.Equal(["sg_late", "sg_early"], afterwards.Select(s => s.Signal.Id));
        Assert.True(afterwards[0].Cursor < afterwards[1].Cursor);
        Assert.Equal(afterwards[1].Cursor, end);
        Assert.Empty(await feed.ReadAfterAsync(afterwards[1].Cursor, 10));
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string id)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO lead_signals (signal_id, type, lead_id, campaign_key, evidence, occurred_at, detected_at)
            VALUES (@id, 'positive-reply', 'ld_00000000000000000000000000000001', NULL, '["e1"]', now(), now())
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }
}
