using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion;

/// <summary>Everything that handles one provider's deliveries: who verifies them and who normalizes them.</summary>
public sealed record WebhookProvider(string Name, IDeliveryVerifier Verifier, IWebhookNormalizer Normalizer);
