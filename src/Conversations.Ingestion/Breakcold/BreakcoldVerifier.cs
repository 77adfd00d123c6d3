using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Authenticates Breakcold deliveries. Breakcold's webhook document puts a shared <c>secret</c> in every body; its
/// current webhooks also sign each delivery (HMAC-SHA256 in a header). Every check that is configured must pass,
/// and with no secret configured every delivery is refused.
/// </summary>
/// <remarks>
/// With only <see cref="BreakcoldOptions.SigningSecret"/> set, a correctly signed body that is not JSON is
/// authentic: the normalizer then rejects it as malformed, which tells the sender more than a 401 would. With
/// <see cref="BreakcoldOptions.Secret"/> set, a body whose <c>secret</c> cannot be read is refused.
/// </remarks>
public sealed class BreakcoldVerifier(IOptionsMonitor<BreakcoldOptions> options) : IDeliveryVerifier
{
    public VerificationResult Verify(WebhookDelivery delivery)
    {
        var settings = options.CurrentValue;
        var section = BreakcoldOptions.Section;
        if (string.IsNullOrEmpty(settings.Secret) && string.IsNullOrEmpty(settings.SigningSecret))
            return VerificationResult.Refused($"no secret configured for breakcold ({section}:Secret or {section}:SigningSecret)");

        if (settings.SigningSecret is { Length: > 0 } signingSecret)
        {
            var signature = BreakcoldSignature.Check(delivery, signingSecret, settings);
            if (!signature.IsAuthentic) return signature;
        }
        return settings.Secret is { Length: > 0 } secret
            ? BreakcoldBodySecret.Check(delivery, secret)
            : VerificationResult.Authentic;
    }
}
