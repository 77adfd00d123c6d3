using YamlDotNet.RepresentationModel;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests hold together without a cluster to apply them to: the Deployment runs the service's image
/// with what Orleans' Kubernetes hosting needs (the pod from the downward API, a role on pods), and names the objects
/// the other manifests define.
/// </summary>
public sealed class KubernetesManifestTests
{
    [Fact]
    public void Deployment_RunsTwoOrMoreSilosOfTheServiceImage()
    {
        var deployment = KubernetesDeployment.Load();

        Assert.True(int.Parse(deployment.Object.At("spec").Scalar("replicas")) >= 2, "A cluster of one is not one.");
        Assert.Matches(@"(^|/)orleans-conversations:[A-Za-z0-9_.-]+$", deployment.Container.Scalar("image"));
    }

    [Fact]
    public void Deployment_GivesKubernetesHostingThePodFromTheDownwardApi()
    {
        var deployment = KubernetesDeployment.Load();

        Assert.Equal("metadata.name", deployment.FieldPathOf("POD_NAME"));
        Assert.Equal("metadata.namespace", deployment.FieldPathOf("POD_NAMESPACE"));
        Assert.Equal("status.podIP", deployment.FieldPathOf("POD_IP"));
        Assert.Equal("true", deployment.Environment["Conversations__Cluster__Kubernetes"].Scalar("value"));
        // The silo advertises the pod's address: the host refuses the loopback default when Kubernetes is on.
        Assert.Equal("status.podIP", deployment.FieldPathOf("Conversations__Cluster__AdvertisedIPAddress"));
    }

    [Theory]
    [InlineData("orleans/serviceId", "ORLEANS_SERVICE_ID", "Conversations__Cluster__ServiceId")]
    [InlineData("orleans/clusterId", "ORLEANS_CLUSTER_ID", "Conversations__Cluster__ClusterId")]
    public void Deployment_TakesTheClusterIdsForThePackageAndTheHostFromOnePodLabel(string label, string packageVariable, string hostSetting)
    {
        var deployment = KubernetesDeployment.Load();

        Assert.True(deployment.PodLabels.ContainsKey(label), $"The pod template has no '{label}' label.");
        Assert.Equal($"metadata.labels['{label}']", deployment.FieldPathOf(packageVariable));
        Assert.Equal($"metadata.labels['{label}']", deployment.FieldPathOf(hostSetting));
        // The package rewrites these labels when they differ from the silo's ids: a selector on them could lose its pods.
        Assert.DoesNotContain(label, deployment.Object.At("spec.selector").Mapping("matchLabels").Entries().Keys);
    }

    [Fact]
    public void ServiceAccount_MayReadWatchPatchAndDeletePods()
    {
        var deployment = KubernetesDeployment.Load();
        var account = deployment.PodTemplate.At("spec").Scalar("serviceAccountName");
        var objects = YamlFiles.KubernetesObjects().Select(o => o.Object).ToList();

        Assert.Contains(objects, o => KindOf(o) == "ServiceAccount" && o.At("metadata").Scalar("name") == account);
        var binding = Assert.Single(objects, o => KindOf(o) == "RoleBinding"
            && o.Sequence("subjects").Children.Cast<YamlMappingNode>().Any(s => s.Scalar("kind") == "ServiceAccount" && s.Scalar("name") == account));
        var roleName = binding.Mapping("roleRef").Scalar("name");
        var role = Assert.Single(objects, o => KindOf(o) == "Role" && o.At("metadata").Scalar("name") == roleName);
        var podVerbs = role.Sequence("rules").Children.Cast<YamlMappingNode>()
            .Where(rule => Values(rule, "apiGroups").Contains("") && Values(rule, "resources").Contains("pods"))
            .SelectMany(rule => Values(rule, "verbs"))
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "get", "list", "watch", "patch", "delete" }, podVerbs);
    }

    [Fact]
    public void Deployment_ReadsItsSettingsFromTheConfigMapAndTheSecretTheExampleShows()
    {
        var deployment = KubernetesDeployment.Load();
        var sources = deployment.Container.Sequence("envFrom").Children.Cast<YamlMappingNode>().ToList();

        var secret = YamlFiles.KubernetesObject("Secret").At("metadata").Scalar("name");
        var settings = YamlFiles.KubernetesObject("ConfigMap").At("metadata").Scalar("name");
        Assert.Contains(sources, s => s.Find("secretRef") is YamlMappingNode reference && reference.Scalar("name") == secret);
        Assert.Contains(sources, s => s.Find("configMapRef") is YamlMappingNode reference && reference.Scalar("name") == settings);
    }

    [Fact]
    public void Service_SendsHttpToTheContainersHttpPort()
    {
        var deployment = KubernetesDeployment.Load();
        var service = YamlFiles.KubernetesObject("Service");

        var selector = service.At("spec").Mapping("selector").Entries();
        Assert.All(selector, label => Assert.Equal(((YamlScalarNode)label.Value).Value, deployment.PodLabels.GetValueOrDefault(label.Key)));
        var target = Assert.Single(service.At("spec").Sequence("ports").Children.Cast<YamlMappingNode>()).Scalar("targetPort");
        Assert.Equal(Dockerfile.Load().HttpPort, deployment.ContainerPort(target));
    }

    [Fact]
    public void Kustomization_AppliesEveryManifestButTheSecretExample()
    {
        var kustomization = YamlFiles.Documents($"{YamlFiles.KubernetesFolder}/kustomization.yaml").Single();
        var listed = Values(kustomization, "resources").Select(name => $"{YamlFiles.KubernetesFolder}/{name}").Order(StringComparer.Ordinal);

        var manifests = YamlFiles.All
            .Where(file => file.StartsWith(YamlFiles.KubernetesFolder + "/", StringComparison.Ordinal))
            .Where(file => !file.EndsWith("/kustomization.yaml", StringComparison.Ordinal) && !file.EndsWith("/secret.example.yaml", StringComparison.Ordinal));
        Assert.Equal(manifests, listed);
    }

    private static string? KindOf(YamlMappingNode manifest) => (manifest.Find("kind") as YamlScalarNode)?.Value;

    private static IEnumerable<string> Values(YamlMappingNode mapping, string key) =>
        mapping.Sequence(key).Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "");
}
