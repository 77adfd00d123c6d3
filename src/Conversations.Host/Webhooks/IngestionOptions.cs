using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>Limits on webhook deliveries. Bound from <c>Conversations:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Conversations:Ingestion";

    /// <summary>The largest body accepted, in bytes; larger deliveries get 413. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}

public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options) =>
        options.MaxBodyBytes is < 1024 or > 64 * 1024 * 1024
            ? ValidateOptionsResult.Fail($"{IngestionOptions.SectionName}:MaxBodyBytes must be between 1024 and 67108864 (was {options.MaxBodyBytes}).")
            : ValidateOptionsResult.Success;
}
