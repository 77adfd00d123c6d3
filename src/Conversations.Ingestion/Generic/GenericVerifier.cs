using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Verifies Standard Webhooks signatures (https://www.standardwebhooks.com): the <c>webhook-id</c>,
/// <c>webhook-timestamp</c> and <c>webhook-signature</c> headers are required; the timestamp must be within
/// <see cref="GenericOptions.ToleranceSeconds"/> of the receive time; and one <c>v1</c> entry of the signature
/// header must be the base64 HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{raw body}</c>, keyed with the
/// base64-decoded part of a configured <c>whsec_</c> secret.
/// </summary>
public sealed class GenericVerifier(IOptionsMonitor<GenericOptions> options) : IDeliveryVerifier
{
    public VerificationResult Verify(WebhookDelivery delivery)
    {
        var settings = options.CurrentValue;
        var keys = StandardWebhookSecret.KeysOf(settings.SigningSecret);
        if (keys.Count == 0)
            return VerificationResult.Refused($"no signing secret is configured for {Providers.Generic} ({GenericOptions.Section}:SigningSecret)");

        if (Header(delivery, StandardWebhookHeaders.Id) is not { } id) return Missing(StandardWebhookHeaders.Id);
        if (Header(delivery, StandardWebhookHeaders.Timestamp) is not { } timestamp) return Missing(StandardWebhookHeaders.Timestamp);
        if (Header(delivery, StandardWebhookHeaders.Signature) is not { } signature) return Missing(StandardWebhookHeaders.Signature);
        if (StandardWebhookTimestamp.Problem(timestamp, delivery.ReceivedAt, settings.ToleranceSeconds) is { } problem)
            return VerificationResult.Refused(problem);

        if (StandardWebhookSignature.AnyMatches(signature, keys, id, timestamp, delivery.Body.Span))
            return VerificationResult.Authentic;
        return VerificationResult.Refused(StandardWebhookSignature.HasVersion1Entry(signature)
            ? $"no v1 signature in the {StandardWebhookHeaders.Signature} header matches the {StandardWebhookHeaders.Id}, {StandardWebhookHeaders.Timestamp} and body"
            : $"the {StandardWebhookHeaders.Signature} header has no v1,<base64> entry");
    }

    private static string? Header(WebhookDelivery delivery, string name) =>
        delivery.Header(name)?.Trim() is { Length: > 0 } value ? value : null;

    private static VerificationResult Missing(string header) =>
        VerificationResult.Refused($"the {header} header is missing");
}
