using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Merges;
using Conversations.Storage.Sqlite;

namespace Conversations.Host.Tests.Storage;

public sealed class SqliteLeadMergeTests : LeadMergeContract
{
    private readonly string _dataDirectory = System.IO.Directory.CreateTempSubdirectory("conversations-merges-").FullName;

    // A database of its own per call: a second call is a second process over the same file.
    protected override Task<(ITimelineStore Timeline, ILeadDirectory Directory, ILeadMerges Merges)> OpenStoresAsync()
    {
        var database = new SqliteDatabase(_dataDirectory);
        var merges = new LeadMerges((writes, token) => SqliteLeadMergeSession.BeginAsync(database, writes, token));
        return Task.FromResult<(ITimelineStore, ILeadDirectory, ILeadMerges)>(
            (new SqliteTimelineStore(database, maxBatchSize: 64), new SqliteLeadDirectory(database), merges));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
