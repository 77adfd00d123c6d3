using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Sqlite;

namespace Conversations.Host.Tests.Storage;

public sealed class SqliteLeadDirectoryTests : LeadDirectoryContract
{
    private readonly string _dataDirectory = System.IO.Directory.CreateTempSubdirectory("conversations-directory-").FullName;

    // A database of its own per call: a second call is a second process over the same file.
    protected override Task<(ITimelineStore Timeline, ILeadDirectory Directory)> OpenStoresAsync()
    {
        var database = new SqliteDatabase(_dataDirectory);
        return Task.FromResult<(ITimelineStore, ILeadDirectory)>((new SqliteTimelineStore(database, maxBatchSize: 64), new SqliteLeadDirectory(database)));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
