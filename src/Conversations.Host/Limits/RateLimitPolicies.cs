namespace Conversations.Host.Limits;

/// <summary>Names of the rate-limiting policies, for <c>RequireRateLimiting(...)</c> on endpoints and groups.</summary>
public static class RateLimitPolicies
{
    /// <summary>Operator routes (query API, admin API, dashboard): one budget per client address.</summary>
    public const string Operators = "operators";
}
