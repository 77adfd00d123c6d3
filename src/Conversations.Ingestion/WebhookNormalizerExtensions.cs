namespace Conversations.Ingestion;

public static class WebhookNormalizerExtensions
{
    /// <summary>Normalizes a bare body received at <paramref name="receivedAt"/> (a stored delivery, a test sample).</summary>
    public static NormalizationResult Normalize(this IWebhookNormalizer normalizer, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        using var delivery = WebhookDelivery.Stored(body, receivedAt);
        return normalizer.Normalize(delivery);
    }
}
