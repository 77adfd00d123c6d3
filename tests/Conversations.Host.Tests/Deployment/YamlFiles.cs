using YamlDotNet.RepresentationModel;

namespace Conversations.Host.Tests.Deployment;

/// <summary>The YAML files of deploy/kubernetes and deploy/compose, and their documents.</summary>
internal static class YamlFiles
{
    public const string KubernetesFolder = "deploy/kubernetes";
    public const string ComposeFile = "deploy/compose/compose.yaml";

    public static IReadOnlyList<string> All { get; } =
        RepositoryFiles.In(KubernetesFolder).Concat(RepositoryFiles.In("deploy/compose")).Where(IsYaml).ToList();

    /// <summary>Every document of the file, each a mapping at its root; throws YamlException for text that is not YAML.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(RepositoryFiles.ReadAllText(relativePath))) stream.Load(reader);
        return stream.Documents
            .Select(document => document.RootNode as YamlMappingNode
                ?? throw new InvalidDataException($"{relativePath}: a document's root is a {document.RootNode.NodeType}, not a mapping."))
            .ToList();
    }

    /// <summary>The Kubernetes objects of deploy/kubernetes, each with the file it is in.</summary>
    public static IReadOnlyList<(string File, YamlMappingNode Object)> KubernetesObjects() =>
        All.Where(file => file.StartsWith(KubernetesFolder + "/", StringComparison.Ordinal))
            .SelectMany(file => Documents(file).Select(document => (file, document)))
            .ToList();

    /// <summary>The one object of <paramref name="kind"/> in deploy/kubernetes (the Secret example counts).</summary>
    public static YamlMappingNode KubernetesObject(string kind)
    {
        var matches = KubernetesObjects().Where(o => o.Object.Find("kind") is YamlScalarNode { Value: var k } && k == kind).ToList();
        Assert.True(matches.Count == 1, $"Expected one {kind} in {KubernetesFolder}, found {matches.Count}.");
        return matches[0].Object;
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);
}
