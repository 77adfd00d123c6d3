using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Limits;

/// <summary>
/// A token bucket per client address that only webhook requests failing authentication spend
/// (<c>Conversations:RateLimiting:FailedAuthentication</c>). Authentic deliveries cost nothing, so a provider is never
/// throttled for its volume; a forger or a token guesser is, once its budget is spent, before its body is read.
/// </summary>
public sealed class FailedAuthenticationBudget(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly RequestBudget _budget = options.Value.FailedAuthentication;
    private readonly PartitionedRateLimiter<IPAddress> _budgets = PartitionedRateLimiter.Create<IPAddress, IPAddress>(
        client => RequestBudgets.TokenBucket(client, options.Value.FailedAuthentication));

    /// <summary>True while <paramref name="client"/> has no whole failure left; then <paramref name="retryAfter"/> says when one returns at the latest.</summary>
    public bool IsSpent(IPAddress client, out TimeSpan retryAfter)
    {
        // Not AttemptAcquire(client, 0): partitioned buckets refill by fractions every 100 ms, and asking for no token
        // succeeds as soon as any fraction of one is back. The statistics count whole tokens.
        var spent = (_budgets.GetStatistics(client)?.CurrentAvailablePermits ?? 1) < 1;
        retryAfter = spent ? TimeSpan.FromSeconds((double)_budget.PeriodSeconds / _budget.PermitsPerPeriod) : TimeSpan.Zero;
        return spent;
    }

    /// <summary>Counts one failed authentication from <paramref name="client"/>.</summary>
    public void Spend(IPAddress client) => _budgets.AttemptAcquire(client, 1).Dispose();

    public void Dispose() => _budgets.Dispose();
}
