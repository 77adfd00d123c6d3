using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Startup checks for the generic receiver: once enabled it needs a signing secret; every secret listed must be a
/// Standard Webhooks secret; and the URL-token settings of unsigned providers must not be set, because they
/// would suggest a way in that the verifier does not offer. Messages name settings, never their values.
/// </summary>
public sealed class GenericOptionsValidator : IValidateOptions<GenericOptions>
{
    public const int MaximumToleranceSeconds = 3600;

    public ValidateOptionsResult Validate(string? name, GenericOptions options)
    {
        var section = GenericOptions.Section;
        var failures = new List<string>();
        var secrets = StandardWebhookSecret.Split(options.SigningSecret);
        if (options.Enabled && secrets.Length == 0)
            failures.Add($"{section} is enabled but {section}:SigningSecret is empty: set it to the whsec_ secret the sender signs with.");
        for (var i = 0; i < secrets.Length; i++)
        {
            if (StandardWebhookSecret.KeyOf(secrets[i]) is not null) continue;
            var which = secrets.Length > 1 ? $" (secret {i + 1} of {secrets.Length})" : string.Empty;
            failures.Add($"{section}:SigningSecret{which} is not a Standard Webhooks secret: it must be " +
                $"{StandardWebhookSecret.Prefix} followed by the base64 of at least {StandardWebhookSecret.MinimumKeyBytes} random bytes.");
        }
        if (!string.IsNullOrEmpty(options.Token))
            failures.Add($"{section}:Token is not used: generic deliveries are authenticated by their signature ({section}:SigningSecret). Remove the token.");
        if (options.AllowUnauthenticated)
            failures.Add($"{section}:AllowUnauthenticated is not supported: generic deliveries must be signed ({section}:SigningSecret).");
        if (options.ToleranceSeconds is < 1 or > MaximumToleranceSeconds)
            failures.Add($"{section}:ToleranceSeconds must be between 1 and {MaximumToleranceSeconds}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
