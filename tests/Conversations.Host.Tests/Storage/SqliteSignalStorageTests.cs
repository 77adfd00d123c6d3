using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Merges;
using Conversations.Storage.Sqlite;

namespace Conversations.Host.Tests.Storage;

public sealed class SqliteSignalStorageTests : SignalStorageContract
{
    private readonly string _dataDirectory = System.IO.Directory.CreateTempSubdirectory("conversations-signals-").FullName;

    protected override Task<(ITimelineStore Timeline, ILeadMerges Merges)> OpenStoresAsync()
    {
        var database = new SqliteDatabase(_dataDirectory);
        return Task.FromResult<(ITimelineStore, ILeadMerges)>((new SqliteTimelineStore(database, maxBatchSize: 64),
            new LeadMerges((writes, token) => SqliteLeadMergeSession.BeginAsync(database, writes, token))));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
