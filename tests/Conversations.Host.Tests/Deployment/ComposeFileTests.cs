using YamlDotNet.RepresentationModel;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// The compose file runs PostgreSQL 15 and two silos of the service that form one cluster through it, with no secret
/// written in the file. Checked by reading it: no container engine runs here.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Compose_RunsPostgreSql15AndTwoSilosBuiltFromTheDockerfile()
    {
        var compose = ComposeFile.Load();

        Assert.Equal("postgres:15", compose.Services["postgres"].Scalar("image"));
        Assert.True(compose.Silos.Count >= 2, $"{compose.Silos.Count} silo(s) are built from {Dockerfile.RelativePath}.");
        foreach (var silo in compose.Silos.Values)
        {
            var context = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("deploy/compose"), silo.Mapping("build").Scalar("context")));
            Assert.Equal(RepositoryFiles.Root.TrimEnd(Path.DirectorySeparatorChar), context.TrimEnd(Path.DirectorySeparatorChar));
        }
    }

    [Fact]
    public void Silos_ShareOneClusterAndDatabase_EachWithItsOwnPortsAndAddress()
    {
        var compose = ComposeFile.Load();
        var silos = compose.Silos.ToDictionary(s => s.Key, s => ComposeFile.EnvironmentOf(s.Value));

        Assert.Single(silos.Values.Select(env => env["Conversations__Cluster__ClusterId"]).Distinct());
        Assert.Single(silos.Values.Select(env => env["Conversations__Cluster__ServiceId"]).Distinct());
        Assert.Single(silos.Values.Select(env => env["ConnectionStrings__PostgreSql"]).Distinct());
        Assert.Contains("Host=postgres;", silos.Values.First()["ConnectionStrings__PostgreSql"], StringComparison.Ordinal);
        var ports = silos.Values.SelectMany(env => new[] { env["Conversations__Cluster__SiloPort"], env["Conversations__Cluster__GatewayPort"] }).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        foreach (var (name, environment) in silos)
        {
            // Other silos reach a silo at the address it advertises: its fixed address on the compose network.
            var networks = compose.Silos[name].Mapping("networks").Entries().Values.Cast<YamlMappingNode>();
            Assert.Contains(environment["Conversations__Cluster__AdvertisedIPAddress"], networks.Select(n => n.Scalar("ipv4_address")));
        }
    }

    [Fact]
    public void Compose_TakesItsSecretsFromFilesThatAreNotCommitted()
    {
        var compose = ComposeFile.Load();
        var ignored = RepositoryFiles.ReadAllText(".gitignore").Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);

        foreach (var silo in compose.Silos.Values)
        {
            var connection = ComposeFile.EnvironmentOf(silo)["ConnectionStrings__PostgreSql"];
            Assert.Contains("Password=${POSTGRES_PASSWORD", connection, StringComparison.Ordinal);
            var envFile = ((YamlScalarNode)silo.Find("env_file")!).Value!;
            Assert.Contains($"deploy/compose/{envFile}", ignored);
            Assert.True(RepositoryFiles.Exists($"deploy/compose/{envFile}.example"), $"No example of {envFile} beside the compose file.");
        }
        Assert.Contains("deploy/compose/.env", ignored);
        Assert.True(RepositoryFiles.Exists("deploy/compose/.env.example"));
    }
}
