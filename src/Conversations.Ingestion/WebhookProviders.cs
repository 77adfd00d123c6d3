namespace Conversations.Ingestion;

/// <summary>The registered providers by name (case-insensitive).</summary>
public sealed class WebhookProviders
{
    private readonly Dictionary<string, WebhookProvider> _byName;

    internal WebhookProviders(IEnumerable<ProviderRegistration> registrations, IServiceProvider services) =>
        _byName = registrations.Select(r => r.Create(services)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IReadOnlyCollection<WebhookProvider> All => _byName.Values;

    public bool TryGet(string name, out WebhookProvider provider) => _byName.TryGetValue(name, out provider!);
}
