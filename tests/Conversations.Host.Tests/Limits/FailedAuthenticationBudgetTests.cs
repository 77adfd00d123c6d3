using System.Net;
using Conversations.Host.Limits;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Tests.Limits;

/// <summary>The failed-authentication budget: spent by failures, per address, and empty after its burst until whole failures refill.</summary>
public sealed class FailedAuthenticationBudgetTests
{
    private static readonly IPAddress Forger = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Neighbour = IPAddress.Parse("192.0.2.2");

    [Fact]
    public async Task AfterBurstFailures_TheAddressIsSpent_AndOtherAddressesAreNot()
    {
        using var budget = new FailedAuthenticationBudget(Options.Create(new RateLimitingOptions
        {
            FailedAuthentication = new RequestBudget { Burst = 3, PermitsPerPeriod = 1, PeriodSeconds = 3600 },
        }));

        for (var i = 0; i < 3; i++)
        {
            Assert.False(budget.IsSpent(Forger, out _), $"spent after {i} failures");
            budget.Spend(Forger);
        }

        Assert.True(budget.IsSpent(Forger, out var retryAfter));
        Assert.Equal(TimeSpan.FromHours(1), retryAfter);
        // Partitioned buckets refill by fractions every 100 ms: a fraction of a failure is no failure to spend.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.True(budget.IsSpent(Forger, out _));
        Assert.False(budget.IsSpent(Neighbour, out _));
    }
}
