namespace Conversations.Host.Tests.Deployment;

/// <summary>Every YAML file in deploy/kubernetes and deploy/compose is YAML, and every Kubernetes object says what it is.</summary>
public sealed class ManifestParsingTests
{
    public static TheoryData<string> YamlFilesInDeploy()
    {
        var files = new TheoryData<string>();
        foreach (var file in YamlFiles.All) files.Add(file);
        return files;
    }

    [Theory]
    [MemberData(nameof(YamlFilesInDeploy))]
    public void YamlFile_Parses(string file) => Assert.NotEmpty(YamlFiles.Documents(file));

    [Fact]
    public void KubernetesObjects_NameTheirApiVersionKindAndName()
    {
        foreach (var (file, manifest) in YamlFiles.KubernetesObjects())
        {
            Assert.False(string.IsNullOrWhiteSpace(manifest.Scalar("apiVersion")), file);
            Assert.False(string.IsNullOrWhiteSpace(manifest.Scalar("kind")), file);
            if (manifest.Scalar("kind") != "Kustomization") Assert.False(string.IsNullOrWhiteSpace(manifest.At("metadata").Scalar("name")), file);
        }
    }

    [Fact]
    public void DeployFolders_HoldTheComposeFileAndTheKubernetesManifests()
    {
        Assert.Contains(YamlFiles.ComposeFile, YamlFiles.All);
        Assert.True(YamlFiles.All.Count(file => file.StartsWith(YamlFiles.KubernetesFolder, StringComparison.Ordinal)) >= 4);
    }
}
