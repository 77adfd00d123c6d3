namespace Conversations.Storage.Schema;

/// <summary>
/// The numbered schema scripts of one backend, embedded from <c>deploy/&lt;backend&gt;/*.sql</c> under a resource
/// prefix, in the order they are applied (file name order).
/// </summary>
internal sealed class EmbeddedSchemaScripts
{
    private readonly string _resourcePrefix;

    public EmbeddedSchemaScripts(string resourcePrefix)
    {
        _resourcePrefix = resourcePrefix;
        Names = typeof(EmbeddedSchemaScripts).Assembly
            .GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => name[resourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>File names (e.g. <c>010_timeline.sql</c>), in the order they are applied.</summary>
    public IReadOnlyList<string> Names { get; }

    public string Read(string scriptName)
    {
        using var stream = typeof(EmbeddedSchemaScripts).Assembly.GetManifestResourceStream(_resourcePrefix + scriptName)
            ?? throw new ArgumentException($"No embedded schema script named '{scriptName}'.", nameof(scriptName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
