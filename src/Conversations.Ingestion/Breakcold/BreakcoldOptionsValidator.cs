using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Breakcold;

/// <summary>Startup checks for Breakcold: once enabled it needs a secret, and the URL-token settings make no sense for it.</summary>
public sealed class BreakcoldOptionsValidator : IValidateOptions<BreakcoldOptions>
{
    public ValidateOptionsResult Validate(string? name, BreakcoldOptions options)
    {
        var section = BreakcoldOptions.Section;
        var failures = new List<string>();
        if (options.Enabled && string.IsNullOrEmpty(options.Secret) && string.IsNullOrEmpty(options.SigningSecret))
        {
            failures.Add($"{section} is enabled but {section}:Secret (the secret Breakcold puts in each body) is empty, " +
                $"and so is {section}:SigningSecret (the key of its signature header).");
        }
        if (options.AllowUnauthenticated)
            failures.Add($"{section}:AllowUnauthenticated must not be set: breakcold deliveries carry a secret and are always verified.");
        if (!string.IsNullOrEmpty(options.Token))
            failures.Add($"{section}:Token is not used by breakcold, whose deliveries carry their own secret: set {section}:Secret instead.");
        if (string.IsNullOrWhiteSpace(options.SignatureHeader))
            failures.Add($"{section}:SignatureHeader must name a header.");
        if (string.IsNullOrWhiteSpace(options.TimestampHeader))
            failures.Add($"{section}:TimestampHeader must name a header.");
        if (options.ToleranceSeconds <= 0)
            failures.Add($"{section}:ToleranceSeconds must be a positive number of seconds.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
