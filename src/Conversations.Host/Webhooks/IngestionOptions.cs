using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>Limits on webhook deliveries. Bound from <c>Conversations:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Conversations:Ingestion";

    /// <summary>The largest body accepted, in bytes; larger deliveries get 413. Also Kestrel's request body limit. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Seconds a webhook body may take to arrive in full; a slower one gets 408 and the connection is closed.
    /// Default 15: providers send a delivery's few kilobytes at once (SalesIQ itself gives up after 5 s).
    /// </summary>
    public int BodyReadTimeoutSeconds { get; set; } = 15;

    public TimeSpan BodyReadTimeout => TimeSpan.FromSeconds(BodyReadTimeoutSeconds);

    /// <summary>Bounds on the bytes held by bodies not yet verified (<c>Conversations:Ingestion:UnverifiedBodies</c>).</summary>
    public UnverifiedBodyOptions UnverifiedBodies { get; set; } = new();
}

public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes is < 1024 or > 64 * 1024 * 1024)
            failures.Add($"{IngestionOptions.SectionName}:MaxBodyBytes must be between 1024 and 67108864 (was {options.MaxBodyBytes}).");
        if (options.BodyReadTimeoutSeconds is < 1 or > 300)
            failures.Add($"{IngestionOptions.SectionName}:BodyReadTimeoutSeconds must be between 1 and 300 (was {options.BodyReadTimeoutSeconds}).");
        options.UnverifiedBodies.Check(failures, options.MaxBodyBytes);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
