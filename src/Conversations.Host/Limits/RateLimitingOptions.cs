using Microsoft.Extensions.Options;

namespace Conversations.Host.Limits;

/// <summary>
/// Request budgets per client. Bound from <c>Conversations:RateLimiting</c>. Authentic webhook deliveries have no budget:
/// they wait for a storing slot instead (<see cref="Webhooks.DeliveryAdmissionOptions"/>).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "Conversations:RateLimiting";

    /// <summary>
    /// Per client address, spent only by webhook requests that fail authentication (a wrong or missing token, secret or
    /// signature, an unknown provider); while it is empty, every webhook request from the address gets 429 before its
    /// body is read. Tight: an authentic sender fails rarely, a forger or guesser fails every time.
    /// </summary>
    public RequestBudget FailedAuthentication { get; set; } = new() { Burst = 20, PermitsPerPeriod = 10, PeriodSeconds = 1 };

    /// <summary>Per client address, across the query API, the admin API and the dashboard (which polls every second).</summary>
    public RequestBudget Operators { get; set; } = new() { Burst = 200, PermitsPerPeriod = 50, PeriodSeconds = 1 };
}

/// <summary>A token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="PermitsPerPeriod"/> every <see cref="PeriodSeconds"/>.</summary>
public sealed class RequestBudget
{
    public int Burst { get; set; }

    public int PermitsPerPeriod { get; set; }

    public int PeriodSeconds { get; set; }
}

public sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    private const int MaxPermits = 100_000_000;

    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.FailedAuthentication), options.FailedAuthentication);
        Check(failures, nameof(options.Operators), options.Operators);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string budgetName, RequestBudget budget)
    {
        var prefix = $"{RateLimitingOptions.SectionName}:{budgetName}";
        if (budget.Burst is < 1 or > MaxPermits)
            failures.Add($"{prefix}:Burst must be between 1 and {MaxPermits} (was {budget.Burst}).");
        if (budget.PermitsPerPeriod is < 1 or > MaxPermits)
            failures.Add($"{prefix}:PermitsPerPeriod must be between 1 and {MaxPermits} (was {budget.PermitsPerPeriod}).");
        if (budget.PeriodSeconds is < 1 or > 3600)
            failures.Add($"{prefix}:PeriodSeconds must be between 1 and 3600 (was {budget.PeriodSeconds}).");
    }
}
