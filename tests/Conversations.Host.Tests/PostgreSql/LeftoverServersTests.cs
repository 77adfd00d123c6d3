using System.Diagnostics;
using System.Globalization;
using Conversations.Testing.PostgreSql;

namespace Conversations.Host.Tests.PostgreSql;

/// <summary>A throwaway server whose test process died is stopped and removed by the next run; others are left alone.</summary>
public sealed class LeftoverServersTests
{
    [Fact]
    public async Task Remove_StopsAndDeletesServersWhoseOwnerIsGone_AndLeavesTheRest()
    {
        var parent = Directory.CreateTempSubdirectory("leftovers-").FullName;
        using var postmaster = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        try
        {
            var deadOwner = await ExitedProcessIdAsync();
            var orphan = Folder(parent, "orphan", owner: deadOwner, postmaster: postmaster.Id);
            var owned = Folder(parent, "owned", owner: Environment.ProcessId, postmaster: null);
            var unmarked = Folder(parent, "unmarked", owner: null, postmaster: null);

            var removed = LeftoverServers.Remove(parent);

            Assert.Equal(1, removed);
            Assert.True(postmaster.WaitForExit(TimeSpan.FromSeconds(10)), "the orphan's postmaster was not stopped");
            Assert.False(Directory.Exists(orphan));
            Assert.True(Directory.Exists(owned));
            Assert.True(Directory.Exists(unmarked));
        }
        finally
        {
            if (!postmaster.HasExited) postmaster.Kill();
            Directory.Delete(parent, recursive: true);
        }
    }

    private static string Folder(string parent, string name, int? owner, int? postmaster)
    {
        var root = Directory.CreateDirectory(Path.Combine(parent, LeftoverServers.FolderPrefix + name)).FullName;
        if (owner is { } pid) File.WriteAllText(Path.Combine(root, LeftoverServers.OwnerFileName), pid.ToString(CultureInfo.InvariantCulture));
        if (postmaster is { } server)
        {
            Directory.CreateDirectory(Path.Combine(root, "data"));
            File.WriteAllText(Path.Combine(root, "data", "postmaster.pid"), $"{server}\n/some/data\n");
        }
        return root;
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
