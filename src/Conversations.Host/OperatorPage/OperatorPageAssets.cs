using System.Collections.Concurrent;

namespace Conversations.Host.OperatorPage;

/// <summary>The page's files, embedded in the host's assembly so that every way of running it (published, tests, <c>dotnet run</c>) serves the same ones.</summary>
internal static class OperatorPageAssets
{
    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);

    public static byte[] Get(string name) => Loaded.GetOrAdd(name, Load);

    private static byte[] Load(string name)
    {
        using var resource = typeof(OperatorPageAssets).Assembly.GetManifestResourceStream($"OperatorPage/{name}")
            ?? throw new InvalidOperationException($"The operator page's file {name} is not embedded in the host.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }
}
