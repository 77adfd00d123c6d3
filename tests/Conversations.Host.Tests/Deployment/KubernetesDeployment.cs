using YamlDotNet.RepresentationModel;

namespace Conversations.Host.Tests.Deployment;

/// <summary>The service's Deployment in deploy/kubernetes and what its one container declares.</summary>
internal sealed class KubernetesDeployment
{
    private KubernetesDeployment(YamlMappingNode deployment)
    {
        Object = deployment;
        PodTemplate = deployment.At("spec.template");
        var containers = PodTemplate.At("spec").Sequence("containers").Children.Cast<YamlMappingNode>().ToList();
        Assert.True(containers.Count == 1, $"The Deployment has {containers.Count} containers; the tests read one.");
        Container = containers[0];
    }

    public static KubernetesDeployment Load() => new(YamlFiles.KubernetesObject("Deployment"));

    public YamlMappingNode Object { get; }

    public YamlMappingNode PodTemplate { get; }

    public YamlMappingNode Container { get; }

    public IReadOnlyDictionary<string, string> PodLabels =>
        PodTemplate.At("metadata").Mapping("labels").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "");

    /// <summary>The container's <c>env</c> entries by name.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Environment =>
        Container.Sequence("env").Children.Cast<YamlMappingNode>().ToDictionary(e => e.Scalar("name"), e => e);

    /// <summary>The downward API field a variable is set from (<c>valueFrom.fieldRef.fieldPath</c>), or null.</summary>
    public string? FieldPathOf(string variable) =>
        Environment.TryGetValue(variable, out var entry) && entry.Find("valueFrom") is YamlMappingNode valueFrom
            && valueFrom.Find("fieldRef") is YamlMappingNode fieldRef
            ? fieldRef.Scalar("fieldPath")
            : null;

    /// <summary>The container's HTTP probes (startup, liveness, readiness), each with its <c>httpGet</c>.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> HttpProbes =>
        new[] { "startupProbe", "livenessProbe", "readinessProbe" }
            .Where(probe => Container.Find(probe) is not null)
            .ToDictionary(probe => probe, probe => Container.Mapping(probe).Mapping("httpGet"));

    /// <summary>The container port a probe or Service names, by name or number.</summary>
    public int ContainerPort(string nameOrNumber)
    {
        var ports = Container.Sequence("ports").Children.Cast<YamlMappingNode>().ToList();
        var port = ports.SingleOrDefault(p => p.Find("name") is YamlScalarNode { Value: var name } && name == nameOrNumber)
            ?? ports.SingleOrDefault(p => p.Scalar("containerPort") == nameOrNumber);
        Assert.True(port is not null, $"The container declares no port '{nameOrNumber}'.");
        return int.Parse(port.Scalar("containerPort"));
    }
}
