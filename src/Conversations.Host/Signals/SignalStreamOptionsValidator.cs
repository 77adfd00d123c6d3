using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Signals;

public sealed class SignalStreamOptionsValidator : IValidateOptions<SignalStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, SignalStreamOptions options)
    {
        var failures = new List<string>();
        SettingRange.Check(failures, SignalStreamOptions.SectionName, nameof(options.PollMilliseconds), options.PollMilliseconds, 10, 60_000);
        if (options.HeartbeatSeconds is not (>= 0.1 and <= 300))
            failures.Add($"{SignalStreamOptions.SectionName}:{nameof(options.HeartbeatSeconds)} must be between 0.1 and 300 (was {options.HeartbeatSeconds}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
