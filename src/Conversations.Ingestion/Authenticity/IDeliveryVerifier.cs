namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// Decides whether a delivery really comes from its provider, before anything else reads it. Runs only for a
/// provider that is enabled: <see cref="WebhookProvider.Verify"/> checks that first.
/// </summary>
public interface IDeliveryVerifier
{
    /// <summary>Never throws for bad input; compares secrets in constant time.</summary>
    VerificationResult Verify(WebhookDelivery delivery);
}
