using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Limits;

/// <summary>A token bucket per client address, shared by every operator route.</summary>
internal sealed class OperatorRateLimitPolicy(IOptions<RateLimitingOptions> options) : IRateLimiterPolicy<IPAddress>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<IPAddress> GetPartition(HttpContext httpContext) =>
        RequestBudgets.TokenBucket(ClientAddress.Of(httpContext), options.Value.Operators);
}
