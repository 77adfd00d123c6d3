using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Sqlite;

namespace Conversations.Host.Tests.Storage;

public sealed class SqliteStreamOutboxTests : StreamOutboxContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-outbox-").FullName;

    protected override Task<(ITimelineStore Timeline, IStreamOutbox Outbox)> OpenStoresAsync(OutboxFeed feed)
    {
        var database = new SqliteDatabase(_dataDirectory);
        return Task.FromResult<(ITimelineStore, IStreamOutbox)>(
            (new SqliteTimelineStore(database, maxBatchSize: 64, feed), new SqliteStreamOutbox(database, feed, TimeProvider.System)));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
