using System.Diagnostics;
using System.Globalization;

namespace Conversations.Testing.PostgreSql;

/// <summary>
/// Throwaway servers whose test process died (killed by a timeout, say) before it could stop them. Each server's
/// folder names its owner's process id; a folder whose owner is gone is a leftover: its postmaster is killed and
/// the folder deleted, so a machine that runs the tests again and again does not collect idle servers.
/// </summary>
public static class LeftoverServers
{
    public const string FolderPrefix = "conv-pg-";
    public const string OwnerFileName = "owner.pid";

    /// <summary>Marks <paramref name="root"/> as belonging to this process.</summary>
    public static void ClaimFolder(string root) =>
        File.WriteAllText(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stops and removes every leftover under <paramref name="parent"/>; returns how many. Folders without an owner file, or whose owner runs, are left alone.</summary>
    public static int Remove(string parent)
    {
        var removed = 0;
        foreach (var root in Directory.EnumerateDirectories(parent, FolderPrefix + "*"))
        {
            if (ReadPid(Path.Combine(root, OwnerFileName)) is not { } owner || IsRunning(owner)) continue;
            if (ReadPid(Path.Combine(root, "data", "postmaster.pid")) is { } postmaster) Kill(postmaster);
            try
            {
                Directory.Delete(root, recursive: true);
                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another run is removing it too, or it is not ours to remove: leave it.
            }
        }
        return removed;
    }

    private static int? ReadPid(string file)
    {
        try
        {
            var firstLine = File.ReadLines(file).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
