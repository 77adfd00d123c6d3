namespace Conversations.Host.Hosting;

public static class KubernetesHostingSiloBuilderExtensions
{
    /// <summary>
    /// Orleans' Kubernetes hosting, when <see cref="ConversationsClusterOptions.Kubernetes"/> is on. Its own check that
    /// POD_NAME and POD_NAMESPACE are set runs with the other settings' checks, before the silo starts, rather than when
    /// its agent first reads them at the end of the silo's startup.
    /// </summary>
    /// <remarks>
    /// Call it before ClusterOptions are configured: the package sets ClusterId and ServiceId from ORLEANS_CLUSTER_ID and
    /// ORLEANS_SERVICE_ID, and the last to configure wins, so that <c>Conversations:Cluster</c> stays the one place the
    /// ids come from (deploy/kubernetes sets both from the same pod labels). It fills in the advertised address only when
    /// none is set, and the silo always sets <see cref="ConversationsClusterOptions.AdvertisedIPAddress"/>.
    /// </remarks>
    public static ISiloBuilder UseKubernetesHostingWhenConfigured(this ISiloBuilder silo, ConversationsClusterOptions cluster) =>
        cluster.Kubernetes ? silo.UseKubernetesHosting(options => options.ValidateOnStart()) : silo;
}
