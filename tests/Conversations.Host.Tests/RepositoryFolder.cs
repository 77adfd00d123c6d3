namespace Conversations.Host.Tests;

/// <summary>The repository's root folder, found from the test's own folder upwards.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.Conversations.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException("No Orleans.Conversations.sln above the test's folder.");
    }
}
