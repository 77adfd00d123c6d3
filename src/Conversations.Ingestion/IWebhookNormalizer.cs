namespace Conversations.Ingestion;

/// <summary>Turns one provider's webhook body into canonical events. Pure: no I/O, no clock but the delivery's receive time.</summary>
public interface IWebhookNormalizer
{
    /// <summary>The provider's name, as in the route <c>/webhooks/{provider}</c>, which its events carry.</summary>
    string Provider { get; }

    /// <summary>
    /// Normalizes a delivery that has been verified. Never throws for bad input: it returns
    /// <see cref="NormalizationResult.Rejected"/>.
    /// </summary>
    NormalizationResult Normalize(WebhookDelivery delivery);
}
