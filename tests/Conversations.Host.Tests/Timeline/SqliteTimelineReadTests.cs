using Conversations.Abstractions.Timeline;
using Conversations.Storage.Sqlite;

namespace Conversations.Host.Tests.Timeline;

public sealed class SqliteTimelineReadTests : TimelineReadContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-timeline-").FullName;

    protected override Task<ITimelineStore> CreateStoreAsync() =>
        Task.FromResult<ITimelineStore>(new SqliteTimelineStore(new SqliteDatabase(_dataDirectory), maxBatchSize: 16));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
