namespace Conversations.Client;

/// <summary>Where the Orleans.Conversations cluster is. Bound from <c>Conversations:Client</c> by <see cref="ConversationsClientExtensions"/>.</summary>
public sealed class ConversationsClientOptions
{
    public const string SectionName = "Conversations:Client";

    /// <summary>
    /// The cluster's PostgreSQL database, where its silos register: the client finds their gateways there. When empty
    /// (the default), the client connects to one silo on this machine at <see cref="GatewayPort"/> (the embedded default).
    /// </summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>The gateway port of the silo on this machine (without PostgreSQL). Default 30000, the service's default.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The service's <c>Conversations:Cluster:ClusterId</c>. Default <c>conversations</c>.</summary>
    public string ClusterId { get; set; } = "conversations";

    /// <summary>The service's <c>Conversations:Cluster:ServiceId</c>. Default <c>conversations</c>.</summary>
    public string ServiceId { get; set; } = "conversations";

    /// <summary>How long a follower waits between reads of the signal feed while it has nothing new. Default 250 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
