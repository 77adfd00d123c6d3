using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion;

/// <summary>
/// The providers by name (case-insensitive). Every provider must have both a verifier and a normalizer; an archive
/// redactor is optional.
/// </summary>
public sealed class WebhookProviders
{
    private readonly Dictionary<string, WebhookProvider> _byName;

    public WebhookProviders(IEnumerable<IWebhookNormalizer> normalizers, IEnumerable<IDeliveryVerifier> verifiers, IEnumerable<IArchiveRedactor> redactors)
    {
        var verifierByName = verifiers.ToDictionary(v => v.Provider, StringComparer.OrdinalIgnoreCase);
        var redactorByName = redactors.ToDictionary(r => r.Provider, StringComparer.OrdinalIgnoreCase);
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var normalizer in normalizers)
        {
            if (!verifierByName.TryGetValue(normalizer.Provider, out var verifier))
                throw new InvalidOperationException($"Provider '{normalizer.Provider}' has a normalizer but no verifier: its deliveries could not be authenticated.");
            _byName[normalizer.Provider] = new WebhookProvider(normalizer.Provider, verifier, normalizer, redactorByName.GetValueOrDefault(normalizer.Provider));
        }
        if (redactorByName.Keys.FirstOrDefault(name => !_byName.ContainsKey(name)) is { } orphan)
            throw new InvalidOperationException($"Provider '{orphan}' has an archive redactor but no normalizer: the redactor would never run.");
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public bool TryGet(string name, out WebhookProvider provider) => _byName.TryGetValue(name, out provider!);
}
