using System.Net;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>How this silo joins its cluster. Bound from <c>Conversations:Cluster</c>.</summary>
public sealed class ConversationsClusterOptions
{
    public const string SectionName = "Conversations:Cluster";

    /// <summary>Silos with the same ClusterId (and database) form one cluster. Default <c>conversations</c>.</summary>
    public string ClusterId { get; set; } = "conversations";

    /// <summary>Stable across deployments: grain state is keyed by it. Default <c>conversations</c>.</summary>
    public string ServiceId { get; set; } = "conversations";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients (internal services). Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (PostgreSQL clustering). Default 127.0.0.1.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long the streams' pulling agents wait before looking at an empty queue again, in milliseconds: the most an
    /// idle stream adds to an item's way to its subscribers. Default 10 (Orleans' own is 100): each poll is a call to a
    /// stream queue, 8 queues in all, about 800 calls a second over the whole cluster (see the README's Benchmark).
    /// </summary>
    public int StreamPullMilliseconds { get; set; } = 10;

    /// <summary>
    /// Run under Orleans' Kubernetes hosting (Microsoft.Orleans.Hosting.Kubernetes): the silo is named after its pod, and
    /// the silos watch their cluster's pods, so a silo whose pod is deleted is declared dead at once instead of after the
    /// missed probes. Needs PostgreSQL clustering, the pod's name and namespace in POD_NAME and POD_NAMESPACE, and a role
    /// that may read, watch, patch and delete pods (deploy/kubernetes). Default false.
    /// </summary>
    /// <remarks>
    /// A setting rather than the presence of POD_NAME: with the variables alone deciding, a manifest that forgot one would
    /// quietly run without it, and any pod that sets POD_NAME for its own reasons would start calling the Kubernetes API.
    /// </remarks>
    public bool Kubernetes { get; set; }
}

public sealed class ConversationsClusterOptionsValidator : IValidateOptions<ConversationsClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationsClusterOptions options)
    {
        var section = ConversationsClusterOptions.SectionName;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId)) failures.Add($"{section}:ClusterId must not be empty.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) failures.Add($"{section}:ServiceId must not be empty.");
        if (options.SiloPort is < 1 or > 65535) failures.Add($"{section}:SiloPort must be a port number (was {options.SiloPort}).");
        if (options.GatewayPort is < 1 or > 65535) failures.Add($"{section}:GatewayPort must be a port number (was {options.GatewayPort}).");
        if (options.SiloPort == options.GatewayPort) failures.Add($"{section}:SiloPort and GatewayPort must differ.");
        if (options.StreamPullMilliseconds is < 1 or > 60_000) failures.Add($"{section}:StreamPullMilliseconds must be between 1 and 60000 (was {options.StreamPullMilliseconds}).");
        if (!IPAddress.TryParse(options.AdvertisedIPAddress, out var advertised)) failures.Add($"{section}:AdvertisedIPAddress must be an IP address (was '{options.AdvertisedIPAddress}').");
        else if (options.Kubernetes && IPAddress.IsLoopback(advertised))
            failures.Add($"{section}:AdvertisedIPAddress must be the pod's address when {section}:Kubernetes is on (was '{options.AdvertisedIPAddress}'): set it from the downward API's status.podIP.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
