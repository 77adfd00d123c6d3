using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// Startup checks for a provider that does not sign: once enabled it needs a token (long enough to resist
/// guessing), unless unauthenticated access is allowed explicitly.
/// </summary>
public sealed class UrlTokenOptionsValidator(string provider, string section) : IValidateOptions<ProviderOptions>
{
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, ProviderOptions options)
    {
        if (name != provider) return ValidateOptionsResult.Skip;
        var failures = new List<string>();
        if (options.Token is { Length: > 0 and < MinimumTokenLength })
            failures.Add($"{section}:Token must be at least {MinimumTokenLength} characters.");
        if (options.Enabled && string.IsNullOrEmpty(options.Token) && !options.AllowUnauthenticated)
            failures.Add($"{section} is enabled but {section}:Token is empty (or set {section}:AllowUnauthenticated=true, for development only).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
