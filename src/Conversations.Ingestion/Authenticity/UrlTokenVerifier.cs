using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// For providers that do not sign (Salesforge, Seleqt, the chat inbox): the delivery must carry the
/// configured secret token in its URL, unless unauthenticated access is explicitly allowed.
/// </summary>
public sealed class UrlTokenVerifier(string provider, string section, IOptionsMonitor<ProviderOptions> options) : ITokenOnlyVerifier
{
    public VerificationResult Verify(WebhookDelivery delivery) => VerifyToken(delivery.UrlToken);

    public VerificationResult VerifyToken(string? token)
    {
        var settings = options.Get(provider);
        if (!string.IsNullOrEmpty(settings.Token))
        {
            return SecretComparer.AreEqual(token, settings.Token)
                ? VerificationResult.Authentic
                : VerificationResult.Refused(token is null
                    ? $"the webhook URL carries no token: use /webhooks/{provider}/<token>"
                    : "the token in the webhook URL is not the configured one");
        }
        return settings.AllowUnauthenticated
            ? VerificationResult.Authentic
            : VerificationResult.Refused($"no token is configured for {provider} ({section}:Token)");
    }
}
