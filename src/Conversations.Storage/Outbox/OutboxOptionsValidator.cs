using Conversations.Abstractions.Outbox;
using Microsoft.Extensions.Options;

namespace Conversations.Storage.Outbox;

/// <summary>Fails at startup naming the outbox setting that is out of range.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.RetryAfterSeconds is not (>= 0.1 and <= 3600))
            failures.Add($"{OutboxOptions.SectionName}:{nameof(OutboxOptions.RetryAfterSeconds)} must be between 0.1 and 3600 (was {options.RetryAfterSeconds}).");
        if (options.SweepIntervalSeconds is not (>= 0.05 and <= 3600))
            failures.Add($"{OutboxOptions.SectionName}:{nameof(OutboxOptions.SweepIntervalSeconds)} must be between 0.05 and 3600 (was {options.SweepIntervalSeconds}).");
        if (options.FeedCapacity is < 1 or > 1_000_000)
            failures.Add($"{OutboxOptions.SectionName}:{nameof(OutboxOptions.FeedCapacity)} must be between 1 and 1000000 (was {options.FeedCapacity}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
