using System.Net;
using System.Threading.RateLimiting;

namespace Conversations.Host.Limits;

/// <summary>
/// The rate limiter's global limiter: requests no endpoint matched get the operators' budget per client address.
/// Without it they skip rate limiting, yet still meet authentication (the fallback policy: 401 for a wrong key, 404
/// for a right one), so operator keys could be guessed there without limit. Matched requests pass untouched: their
/// endpoints carry their own policies.
/// </summary>
internal static class UnroutedRequestLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(RequestBudget operators) =>
        PartitionedRateLimiter.Create<HttpContext, Partition>(context => context.GetEndpoint() is null
            ? RequestBudgets.TokenBucket(new Partition(Routed: false, ClientAddress.Of(context)), operators)
            : RateLimitPartition.GetNoLimiter(new Partition(Routed: true, IPAddress.None)));

    // Routed requests share one unlimited partition, kept apart from any client's budget.
    private readonly record struct Partition(bool Routed, IPAddress Client);
}
