using System.Threading.RateLimiting;

namespace Conversations.Host.Limits;

internal static class RequestBudgets
{
    /// <summary>A token-bucket partition for <paramref name="key"/>; rejects at once rather than queueing (a queued request still holds its connection).</summary>
    public static RateLimitPartition<TKey> TokenBucket<TKey>(TKey key, RequestBudget budget) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = budget.Burst,
            TokensPerPeriod = budget.PermitsPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(budget.PeriodSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
