using Conversations.Abstractions;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Seleqt;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>The normalizers under test by provider name, for tests that hold for every provider.</summary>
internal static class Normalizers
{
    public static IWebhookNormalizer For(string provider) => provider switch
    {
        Providers.Salesforge => new SalesforgeNormalizer(),
        Providers.Seleqt => new SeleqtNormalizer(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "no normalizer under test"),
    };

    /// <summary>A fixture the provider accepts, to break in provider-independent ways.</summary>
    public static string AcceptedFixture(string provider) => provider switch
    {
        Providers.Salesforge => "salesforge/05-email_replied.json",
        Providers.Seleqt => "seleqt/01-incoming_message.json",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "no normalizer under test"),
    };
}
