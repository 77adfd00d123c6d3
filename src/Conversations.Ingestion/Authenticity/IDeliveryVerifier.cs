namespace Conversations.Ingestion.Authenticity;

/// <summary>Decides whether a delivery really comes from its provider, before anything parses or stores it.</summary>
public interface IDeliveryVerifier
{
    /// <summary>The provider's name, as in the route <c>/webhooks/{provider}</c>.</summary>
    string Provider { get; }

    /// <summary>Never throws for bad input; compares secrets in constant time.</summary>
    VerificationResult Verify(WebhookDelivery delivery);
}
