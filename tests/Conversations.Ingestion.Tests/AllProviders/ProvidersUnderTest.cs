using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Chat;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Seleqt;
using Conversations.Ingestion.Tests.Breakcold;
using Conversations.Ingestion.Tests.Chat;
using Conversations.Ingestion.Tests.Generic;
using Conversations.Ingestion.Tests.SalesIq;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.AllProviders;

/// <summary>
/// Every provider under the provider-independent suites: the one place that constructs their normalizers and
/// verifiers and says how each authenticates a delivery.
/// </summary>
internal static class ProvidersUnderTest
{
    private const string UrlToken = "url-token-of-the-provider-suites";
    private const string GenericReplied = "generic/01-replied.json";

    public static IReadOnlyList<string> Names { get; } =
        [Providers.Salesforge, Providers.Seleqt, Providers.Chat, Providers.Breakcold, Providers.SalesIq, Providers.Generic];

    /// <summary>A fresh descriptor, so that no test shares an instance with another.</summary>
    public static ProviderUnderTest Get(string name) => name switch
    {
        Providers.Salesforge => WithUrlToken(name, new SalesforgeNormalizer(), "salesforge/05-email_replied.json"),
        Providers.Seleqt => WithUrlToken(name, new SeleqtNormalizer(), "seleqt/01-incoming_message.json"),
        Providers.Chat => WithUrlToken(name, new ChatNormalizer(), ChatExpectations.WhatsApp) with
        {
            IsCoherent = ChatResultChecks.IsCoherent,
            MalformedBodies = new Dictionary<string, byte[]>
            {
                ["cut-after-message"] = Bodies.Utf8("{\"event\": \"newMessage\", \"message\": "),
                ["trailing-word"] = Bodies.Utf8("{\"event\": \"newMessage\"} trailing"),
            },
        },
        Providers.Breakcold => new ProviderUnderTest
        {
            Name = name,
            Normalizer = new BreakcoldNormalizer(),
            Verifier = BreakcoldDeliveries.Verifier(o =>
            {
                o.Secret = BreakcoldDeliveries.BodySecret;
                o.SigningSecret = BreakcoldDeliveries.SigningSecret;
            }),
            Authentic = body => BreakcoldDeliveries.Signed(body),
            SignatureHeader = BreakcoldDeliveries.SignatureHeader,
            BodyCarriesSecret = true,
            Secrets = [BreakcoldDeliveries.BodySecret, BreakcoldDeliveries.SigningSecret],
            AcceptedFixture = "breakcold/01-lead.create.json",
            MalformedBodies = new Dictionary<string, byte[]>
            {
                ["event-name-only"] = Bodies.Utf8("\"lead.create\""),
                ["secret-then-garbage"] = Bodies.Utf8("{\"event\": \"lead.create\", \"secret\": \"hunter2\" oops}"),
            },
        },
        Providers.SalesIq => new ProviderUnderTest
        {
            Name = name,
            Normalizer = new SalesIqNormalizer(),
            Verifier = SalesIqSigning.Verifier(SalesIqSigning.Options()),
            Authentic = SalesIqSigning.Signed,
            SignatureHeader = SalesIqVerifier.SignatureHeader,
            AcceptedFixture = SalesIqExpectations.Created,
            MalformedBodies = new Dictionary<string, byte[]>
            {
                ["event-name-only"] = Bodies.Utf8("\"conversation.created\""),
                ["cut-after-entity"] = Bodies.Utf8("{\"event\": \"conversation.created\", \"entity\": "),
                ["trailing-word"] = Bodies.Utf8("{\"event\": \"conversation.created\"} trailing"),
            },
        },
        Providers.Generic => new ProviderUnderTest
        {
            Name = name,
            Normalizer = new GenericNormalizer(),
            Verifier = SignedDeliveries.Verifier(),
            Authentic = body => SignedDeliveries.Delivery(body, SignedDeliveries.Headers(body)),
            SignatureHeader = StandardWebhookHeaders.Signature,
            Secrets = [SignedDeliveries.Secret["whsec_".Length..]],
            IsCoherent = GenericResultChecks.IsCoherent,
            AcceptedFixture = GenericReplied,
            MalformedBodies = new Dictionary<string, byte[]>
            {
                ["array-of-events"] = Bodies.Utf8($"[{Bodies.Parse(GenericReplied).ToJsonString()}]"),
                ["deep-inside-batch"] = Bodies.Utf8("{\"events\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such provider under test"),
    };

    private static ProviderUnderTest WithUrlToken(string name, IWebhookNormalizer normalizer, string acceptedFixture) => new()
    {
        Name = name,
        Normalizer = normalizer,
        Verifier = new UrlTokenVerifier(name, ProviderOptions.SectionFor(name), new TestOptionsMonitor<ProviderOptions>(new ProviderOptions { Enabled = true, Token = UrlToken })),
        Authentic = body => new WebhookDelivery(body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), UrlToken, Delivery.ReceivedAt),
        Secrets = [UrlToken],
        AcceptedFixture = acceptedFixture,
    };
}
