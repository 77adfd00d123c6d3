using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Limits;

/// <summary>
/// Kestrel's connection and timing limits, set explicitly because <c>/webhooks</c> faces the internet.
/// Bound from <c>Conversations:Http</c>. The request body size limit is <c>Conversations:Ingestion:MaxBodyBytes</c>.
/// </summary>
public sealed class HttpLimitsOptions
{
    public const string SectionName = "Conversations:Http";

    /// <summary>Open connections at most (idle keep-alive ones included); more wait in the listen backlog. Default 4096.</summary>
    public int MaxConcurrentConnections { get; set; } = 4096;

    /// <summary>Seconds a client has to send a request's headers. Default 10 (Kestrel's own default is 30).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds an idle connection is kept open for its next request. Default 75: longer than the 60 s idle
    /// timeout of common load balancers (a backend that closes first races their reuse), shorter than Kestrel's 130.
    /// </summary>
    public int KeepAliveTimeoutSeconds { get; set; } = 75;

    /// <summary>Slowest accepted request body, in bytes per second, once the grace period is over. Default 1024 (Kestrel's is 240).</summary>
    public int MinRequestBodyBytesPerSecond { get; set; } = 1024;

    /// <summary>Seconds a request body may arrive slower than the minimum rate before the connection is closed. Default 5.</summary>
    public int MinRequestBodyGraceSeconds { get; set; } = 5;
}

public sealed class HttpLimitsOptionsValidator : IValidateOptions<HttpLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpLimitsOptions options)
    {
        var failures = new List<string>();
        SettingRange.Check(failures, HttpLimitsOptions.SectionName, nameof(options.MaxConcurrentConnections), options.MaxConcurrentConnections, 1, 1_000_000);
        SettingRange.Check(failures, HttpLimitsOptions.SectionName, nameof(options.RequestHeadersTimeoutSeconds), options.RequestHeadersTimeoutSeconds, 1, 300);
        SettingRange.Check(failures, HttpLimitsOptions.SectionName, nameof(options.KeepAliveTimeoutSeconds), options.KeepAliveTimeoutSeconds, 1, 3600);
        SettingRange.Check(failures, HttpLimitsOptions.SectionName, nameof(options.MinRequestBodyBytesPerSecond), options.MinRequestBodyBytesPerSecond, 1, 100 * 1024 * 1024);
        // Kestrel checks data rates on a one-second heartbeat and refuses a grace period that is not longer.
        SettingRange.Check(failures, HttpLimitsOptions.SectionName, nameof(options.MinRequestBodyGraceSeconds), options.MinRequestBodyGraceSeconds, 2, 300);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
