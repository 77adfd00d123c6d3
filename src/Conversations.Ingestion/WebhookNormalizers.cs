namespace Conversations.Ingestion;

/// <summary>The normalizers by provider name (case-insensitive).</summary>
public sealed class WebhookNormalizers(IEnumerable<IWebhookNormalizer> normalizers)
{
    private readonly Dictionary<string, IWebhookNormalizer> _byProvider =
        normalizers.ToDictionary(n => n.Provider, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Providers => _byProvider.Keys;

    public bool TryGet(string provider, out IWebhookNormalizer normalizer) =>
        _byProvider.TryGetValue(provider, out normalizer!);
}
