namespace Conversations.Ingestion;

/// <summary>Turns one provider's webhook body into canonical events. Pure: no I/O, no clock but the one given.</summary>
public interface IWebhookNormalizer
{
    /// <summary>The provider's name, as in the route <c>/webhooks/{provider}</c>.</summary>
    string Provider { get; }

    /// <summary>Normalizes a delivery. Never throws for bad input: it returns <see cref="NormalizationResult.Rejected"/>.</summary>
    NormalizationResult Normalize(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt);
}
