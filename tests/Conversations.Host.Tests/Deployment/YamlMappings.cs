using YamlDotNet.RepresentationModel;

namespace Conversations.Host.Tests.Deployment;

/// <summary>Reading YAML mappings by key, failing with the path that is missing.</summary>
internal static class YamlMappings
{
    private const string MergeKey = "<<";

    /// <summary>
    /// The mapping's entries by key, with YAML merge keys (<c>&lt;&lt;: *anchor</c>, as compose files use them) applied:
    /// the mapping's own entries win over merged ones.
    /// </summary>
    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlMappingNode mapping)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (KeyOf(key) != MergeKey) continue;
            var merged = value is YamlSequenceNode sequence ? sequence.Children : [value];
            foreach (var source in merged.Cast<YamlMappingNode>())
                foreach (var (mergedKey, mergedValue) in source.Entries()) entries.TryAdd(mergedKey, mergedValue);
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (KeyOf(key) is var name && name != MergeKey) entries[name] = value;
        }
        return entries;
    }

    public static YamlNode? Find(this YamlMappingNode mapping, string key) => mapping.Entries().GetValueOrDefault(key);

    public static YamlMappingNode Mapping(this YamlMappingNode mapping, string key) =>
        mapping.Find(key) as YamlMappingNode ?? throw new KeyNotFoundException($"No mapping '{key}' in {Describe(mapping)}.");

    public static YamlSequenceNode Sequence(this YamlMappingNode mapping, string key) =>
        mapping.Find(key) as YamlSequenceNode ?? throw new KeyNotFoundException($"No list '{key}' in {Describe(mapping)}.");

    public static string Scalar(this YamlMappingNode mapping, string key) =>
        (mapping.Find(key) as YamlScalarNode)?.Value ?? throw new KeyNotFoundException($"No value '{key}' in {Describe(mapping)}.");

    /// <summary>The mapping at the end of a dotted path (<c>spec.template.spec</c>).</summary>
    public static YamlMappingNode At(this YamlMappingNode mapping, string dottedPath) =>
        dottedPath.Split('.').Aggregate(mapping, (current, key) => current.Mapping(key));

    private static string KeyOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? "";

    private static string Describe(YamlMappingNode mapping) => $"the mapping at line {mapping.Start.Line}";
}
