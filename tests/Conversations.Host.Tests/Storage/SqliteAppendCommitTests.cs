using Conversations.Abstractions.Timeline;
using Conversations.Storage.Archive;
using Conversations.Storage.Sqlite;

namespace Conversations.Host.Tests.Storage;

public sealed class SqliteAppendCommitTests : AppendCommitContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-commit-").FullName;

    protected override bool RefusesNulInText => false;

    protected override Task<(ITimelineStore Timeline, IDeliveryArchive Archive)> CreateStoresAsync()
    {
        var database = new SqliteDatabase(_dataDirectory);
        return Task.FromResult<(ITimelineStore, IDeliveryArchive)>(
            (new SqliteTimelineStore(database, maxBatchSize: 64), new SqliteDeliveryArchive(database, maxBatchSize: 64)));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
