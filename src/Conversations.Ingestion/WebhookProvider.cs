using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion;

/// <summary>
/// One provider's receiver: its route name, where its settings are, who verifies and who normalizes its
/// deliveries, and, when its bodies carry a credential, who takes it out before the delivery is archived.
/// </summary>
public sealed class WebhookProvider
{
    private readonly Func<ProviderOptions> _settings;

    internal WebhookProvider(
        string name, string section, Func<ProviderOptions> settings, IDeliveryVerifier verifier, IWebhookNormalizer normalizer, IArchiveRedactor? redactor)
    {
        if (!string.Equals(normalizer.Provider, name, StringComparison.Ordinal))
            throw new InvalidOperationException($"Provider '{name}' is registered with the normalizer of '{normalizer.Provider}'.");
        Name = name;
        Section = section;
        _settings = settings;
        Verifier = verifier;
        Normalizer = normalizer;
        Redactor = redactor;
    }

    /// <summary>The route name, <c>/webhooks/{provider}</c>.</summary>
    public string Name { get; }

    /// <summary>The configuration section of its settings, <c>Conversations:Providers:&lt;Provider&gt;</c>.</summary>
    public string Section { get; }

    /// <summary>Its settings as currently configured.</summary>
    public ProviderOptions Settings => _settings();

    public IDeliveryVerifier Verifier { get; }

    public IWebhookNormalizer Normalizer { get; }

    public IArchiveRedactor? Redactor { get; }

    /// <summary>Refuses every delivery while the provider is not enabled; otherwise its verifier decides.</summary>
    public VerificationResult Verify(WebhookDelivery delivery) => Settings.Enabled ? Verifier.Verify(delivery) : NotEnabled();

    /// <summary>
    /// The verdict that needs no body: refused while the provider is not enabled, and the token's verdict for a provider
    /// that authenticates by token alone (<see cref="ITokenOnlyVerifier"/>). Null when only the body can tell (a signature,
    /// a secret in the body). <see cref="Verify"/> agrees with a verdict given here.
    /// </summary>
    public VerificationResult? VerifyBeforeBody(string? token)
    {
        if (!Settings.Enabled) return NotEnabled();
        return Verifier is ITokenOnlyVerifier byToken ? byToken.VerifyToken(token) : null;
    }

    /// <summary>The events of a delivery that <see cref="Verify"/> found authentic.</summary>
    public NormalizationResult Normalize(WebhookDelivery delivery) => Normalizer.Normalize(delivery);

    /// <summary>The body as it may be archived: without the provider's credentials.</summary>
    public ReadOnlyMemory<byte> ArchivableBody(ReadOnlyMemory<byte> body) => Redactor?.Redact(body) ?? body;

    private VerificationResult NotEnabled() => VerificationResult.Refused($"the {Name} receiver is not enabled ({Section}:Enabled)");
}
