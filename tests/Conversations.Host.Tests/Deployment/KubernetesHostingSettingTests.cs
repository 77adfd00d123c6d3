using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// <c>Conversations:Cluster:Kubernetes</c> is checked at startup like the other cluster settings: it needs PostgreSQL
/// clustering, the pod's own address, and the POD_NAME and POD_NAMESPACE variables Orleans' Kubernetes hosting reads.
/// </summary>
public sealed class KubernetesHostingSettingTests
{
    // Nothing listens there: the settings are refused before the service opens a connection.
    private const string UnreachablePostgreSql = "Host=127.0.0.1;Port=1;Database=conversations;Username=conversations;Password=unused";

    [Fact]
    public void Kubernetes_IsOffByDefault() => Assert.False(new ConversationsClusterOptions().Kubernetes);

    [Fact]
    public void Validator_WhenKubernetesAdvertisesLoopback_FailsNamingTheAddress()
    {
        var result = new ConversationsClusterOptionsValidator().Validate(null, new ConversationsClusterOptions { Kubernetes = true });

        Assert.True(result.Failed);
        Assert.Contains("Conversations:Cluster:AdvertisedIPAddress", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_WhenKubernetesAdvertisesThePodAddress_Succeeds()
    {
        var options = new ConversationsClusterOptions { Kubernetes = true, AdvertisedIPAddress = "10.1.2.3" };

        Assert.True(new ConversationsClusterOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Start_WhenKubernetesOnTheEmbeddedStore_FailsNamingTheSetting()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-kubernetes-").FullName;
        try
        {
            using var host = ConversationsHostFactory.Embedded(dataDirectory, new Dictionary<string, string?>
            {
                ["Conversations:Cluster:Kubernetes"] = "true",
                ["Conversations:Cluster:AdvertisedIPAddress"] = "10.1.2.3",
            });

            var failure = FailureOf(() => host.CreateClient());

            Assert.Contains("Conversations:Cluster:Kubernetes", string.Join(" ", failure.Failures), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Start_WhenKubernetesWithoutThePodVariables_FailsNamingThem()
    {
        Assert.Null(Environment.GetEnvironmentVariable("POD_NAMESPACE"));
        using var host = ConversationsHostFactory.PostgreSql(UnreachablePostgreSql, new Dictionary<string, string?>
        {
            ["Conversations:Cluster:Kubernetes"] = "true",
            ["Conversations:Cluster:AdvertisedIPAddress"] = "10.1.2.3",
        });

        var failure = FailureOf(() => host.CreateClient());

        var failures = string.Join(" ", failure.Failures);
        Assert.Contains("POD_NAMESPACE", failures, StringComparison.Ordinal);
        Assert.Contains("POD_NAME", failures, StringComparison.Ordinal);
    }

    private static OptionsValidationException FailureOf(Action start)
    {
        var failure = Assert.ThrowsAny<Exception>(start);
        return Assert.IsType<OptionsValidationException>(failure.GetBaseException() as OptionsValidationException ?? failure);
    }
}
