using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion;

/// <summary>
/// Everything that handles one provider's deliveries: who verifies them, who normalizes them, and, when its bodies
/// carry a credential, who takes it out before the delivery is archived.
/// </summary>
public sealed record WebhookProvider(string Name, IDeliveryVerifier Verifier, IWebhookNormalizer Normalizer, IArchiveRedactor? Redactor = null)
{
    /// <summary>The body as it may be archived: without the provider's credentials.</summary>
    public ReadOnlyMemory<byte> ArchivableBody(ReadOnlyMemory<byte> body) => Redactor?.Redact(body) ?? body;
}
