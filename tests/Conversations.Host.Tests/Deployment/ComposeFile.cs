using YamlDotNet.RepresentationModel;

namespace Conversations.Host.Tests.Deployment;

/// <summary>deploy/compose/compose.yaml: its services, the silos among them, and their environment with merge keys applied.</summary>
internal sealed class ComposeFile
{
    private ComposeFile(YamlMappingNode root) => Root = root;

    public static ComposeFile Load() => new(YamlFiles.Documents(YamlFiles.ComposeFile).Single());

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, YamlMappingNode> Services =>
        Root.Mapping("services").Entries().ToDictionary(e => e.Key, e => (YamlMappingNode)e.Value);

    /// <summary>The services built from the service's Dockerfile.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Silos =>
        Services.Where(s => s.Value.Find("build") is YamlMappingNode build && build.Scalar("dockerfile") == Dockerfile.RelativePath)
            .ToDictionary(s => s.Key, s => s.Value);

    /// <summary>A service's environment, in either of compose's forms (a mapping, or a list of NAME=value).</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(YamlMappingNode service) => service.Find("environment") switch
    {
        YamlMappingNode mapping => mapping.Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? ""),
        YamlSequenceNode list => list.Children.Cast<YamlScalarNode>().Select(item => (item.Value ?? "").Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : ""),
        _ => new Dictionary<string, string>(),
    };
}
