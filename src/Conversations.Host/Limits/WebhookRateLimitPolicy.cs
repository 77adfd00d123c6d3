using System.Net;
using System.Threading.RateLimiting;
using Conversations.Ingestion;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Limits;

/// <summary>
/// A token bucket per provider and client address, so one sender's flood neither starves another provider
/// nor another sender of the same provider.
/// </summary>
internal sealed class WebhookRateLimitPolicy(WebhookProviders providers, IOptions<RateLimitingOptions> options)
    : IRateLimiterPolicy<WebhookRateLimitPolicy.Partition>
{
    // The route value is the caller's free text: unknown names share one budget so they cannot mint partitions.
    private const string UnknownProvider = "";

    public readonly record struct Partition(string Provider, IPAddress Client);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<Partition> GetPartition(HttpContext httpContext)
    {
        var provider = httpContext.GetRouteValue("provider") is string name && providers.TryGet(name, out var known)
            ? known.Name
            : UnknownProvider;
        return RequestBudgets.TokenBucket(new Partition(provider, ClientAddress.Of(httpContext)), options.Value.Webhooks);
    }
}
