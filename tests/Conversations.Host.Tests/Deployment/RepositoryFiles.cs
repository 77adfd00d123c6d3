namespace Conversations.Host.Tests.Deployment;

/// <summary>Files of the repository the tests run from, found above the test's folder by the solution file.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static bool Exists(string relativePath) => File.Exists(PathOf(relativePath)) || Directory.Exists(PathOf(relativePath));

    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>The files directly in <paramref name="relativeFolder"/>, as paths relative to the root with '/', in name order.</summary>
    public static IReadOnlyList<string> In(string relativeFolder) =>
        Directory.GetFiles(PathOf(relativeFolder))
            .Select(file => Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orleans.Conversations.sln"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException("No Orleans.Conversations.sln above the test's folder.");
    }
}
