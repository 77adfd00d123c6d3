using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// Startup checks: once enabled SalesIQ needs a public key that imports as an RSA public key, and the
/// URL-token settings of providers that do not sign are refused, since they would suggest a weaker check applies.
/// Messages name the setting, never its value.
/// </summary>
public sealed class SalesIqOptionsValidator : IValidateOptions<SalesIqOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesIqOptions options)
    {
        var section = SalesIqOptions.Section;
        var keySetting = SalesIqOptions.PublicKeyPemSetting;
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.PublicKeyPem))
        {
            if (options.Enabled)
                failures.Add($"{section} is enabled but {keySetting} is empty: set it to the public key SalesIQ generated for the webhook.");
        }
        else if (SalesIqPublicKey.ProblemWith(options.PublicKeyPem) is { } problem)
        {
            failures.Add($"{keySetting} {problem}.");
        }

        if (options.AllowUnauthenticated)
            failures.Add($"{section}:AllowUnauthenticated is not supported: SalesIQ signs its deliveries, so set {keySetting} instead.");
        if (!string.IsNullOrEmpty(options.Token))
            failures.Add($"{section}:Token does not apply: SalesIQ deliveries are verified by signature with {keySetting}.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
