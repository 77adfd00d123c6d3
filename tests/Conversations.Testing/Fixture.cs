namespace Conversations.Testing;

/// <summary>The webhook sample files of <c>Fixtures/</c>, as copied next to the test assembly.</summary>
public static class Fixture
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The bytes of a fixture, by its path under <c>Fixtures/</c> (<c>salesforge/01-email_sent.json</c>).</summary>
    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    public static string PathOf(string name) => Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Every <c>.json</c> fixture of one provider, as names for <see cref="Read"/>, in name order.</summary>
    public static IReadOnlyList<string> Names(string provider) =>
        Directory.EnumerateFiles(Path.Combine(Root, provider), "*.json")
            .Select(path => $"{provider}/{Path.GetFileName(path)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
