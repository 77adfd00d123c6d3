using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.AllProviders;

/// <summary>
/// One provider as the provider-independent suites see it: what they call, how an authentic delivery is made,
/// and the few ways providers legitimately differ. Built only in <see cref="ProvidersUnderTest"/>.
/// </summary>
internal sealed record ProviderUnderTest
{
    public required string Name { get; init; }

    public required IWebhookNormalizer Normalizer { get; init; }

    /// <summary>Configured so that <see cref="Authentic"/> deliveries pass.</summary>
    public required IDeliveryVerifier Verifier { get; init; }

    /// <summary>The body as the provider sends it, with the credential the verifier expects.</summary>
    public required Func<byte[], WebhookDelivery> Authentic { get; init; }

    /// <summary>The header that carries a signature over the body; null when the credential is a URL token.</summary>
    public string? SignatureHeader { get; init; }

    /// <summary>Whether the body itself carries a secret, so that a mutated body may be refused even when signed.</summary>
    public bool BodyCarriesSecret { get; init; }

    /// <summary>Text no refusal reason may contain.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>What any result must look like, however broken the body.</summary>
    public Func<NormalizationResult, bool> IsCoherent { get; init; } = MutationChecks.IsCoherent;

    /// <summary>A fixture that gives one event, to break in provider-independent ways.</summary>
    public required string AcceptedFixture { get; init; }

    /// <summary>Bodies this provider must reject as malformed besides the common ones, by case name.</summary>
    public IReadOnlyDictionary<string, byte[]> MalformedBodies { get; init; } = new Dictionary<string, byte[]>();

    public bool SignsBody => SignatureHeader is not null;

    public override string ToString() => Name;
}
