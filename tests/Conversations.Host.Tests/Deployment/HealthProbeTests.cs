using System.Net;

namespace Conversations.Host.Tests.Deployment;

/// <summary>The Deployment's probes ask the host's own health routes, on the port the image serves HTTP on.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class HealthProbeTests(EmbeddedHostFixture host)
{
    [Fact]
    public async Task Deployment_ProbesRoutesTheHostAnswers()
    {
        var probes = KubernetesDeployment.Load().HttpProbes;

        Assert.Contains("livenessProbe", probes.Keys);
        Assert.Contains("readinessProbe", probes.Keys);
        foreach (var (probe, httpGet) in probes)
        {
            using var response = await host.Client.GetAsync(httpGet.Scalar("path"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe} asks {httpGet.Scalar("path")}, which answers {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public void Deployment_ProbesTheContainersHttpPort()
    {
        var deployment = KubernetesDeployment.Load();
        var httpPort = Dockerfile.Load().HttpPort;

        Assert.All(deployment.HttpProbes.Values, httpGet => Assert.Equal(httpPort, deployment.ContainerPort(httpGet.Scalar("port"))));
    }

    [Fact]
    public void Deployment_ReadinessFollowsTheStorageAndLivenessOnlyTheProcess()
    {
        var probes = KubernetesDeployment.Load().HttpProbes;

        // Liveness must not follow the database: a PostgreSQL outage would otherwise restart every silo at once.
        Assert.Equal("/health/live", probes["livenessProbe"].Scalar("path"));
        Assert.Equal("/health/ready", probes["readinessProbe"].Scalar("path"));
    }
}
