using Conversations.Abstractions;
using Conversations.Ingestion.Tests.Breakcold;
using Conversations.Ingestion.Tests.Generic;
using Conversations.Ingestion.Tests.SalesIq;
using Conversations.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion.Tests;

/// <summary>Every provider is checked for being enabled in one place, before its own verifier runs.</summary>
public sealed class ProviderEnablementTests
{
    private const string UrlToken = "a-url-token-0123456789";

    public static TheoryData<string> AllProviders => new(
        Providers.Salesforge, Providers.Seleqt, Providers.Chat, Providers.Breakcold, Providers.SalesIq, Providers.Generic);

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Verify_WhenEnabled_LetsTheVerifierAcceptACorrectDelivery(string name)
    {
        var provider = Provider(name, enabled: true);

        var verdict = provider.Verify(CorrectDelivery(name));

        Assert.True(verdict.IsAuthentic, verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Verify_WhenNotEnabled_RefusesEvenACorrectDelivery_NamingTheSetting(string name)
    {
        var provider = Provider(name, enabled: false);

        var verdict = provider.Verify(CorrectDelivery(name));

        Assert.False(verdict.IsAuthentic);
        Assert.Equal($"the {name} receiver is not enabled ({provider.Section}:Enabled)", verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void VerifyBeforeBody_WhenNotEnabled_RefusesWithTheSameReason(string name)
    {
        var provider = Provider(name, enabled: false);

        var verdict = provider.VerifyBeforeBody(UrlToken);

        Assert.NotNull(verdict);
        Assert.False(verdict.IsAuthentic);
        Assert.Equal(provider.Verify(CorrectDelivery(name)).Reason, verdict.Reason);
    }

    [Theory]
    [InlineData(Providers.Salesforge)]
    [InlineData(Providers.Seleqt)]
    [InlineData(Providers.Chat)]
    public void VerifyBeforeBody_ForATokenProvider_DecidesFromTheTokenAlone(string name)
    {
        var provider = Provider(name, enabled: true);

        Assert.True(provider.VerifyBeforeBody(UrlToken)?.IsAuthentic);
        Assert.False(provider.VerifyBeforeBody("a-wrong-token-0123456789")?.IsAuthentic);
        Assert.False(provider.VerifyBeforeBody(null)?.IsAuthentic);
    }

    [Theory]
    [InlineData(Providers.Breakcold)]
    [InlineData(Providers.SalesIq)]
    [InlineData(Providers.Generic)]
    public void VerifyBeforeBody_ForASigningProvider_LeavesTheVerdictToTheBody(string name)
    {
        var provider = Provider(name, enabled: true);

        Assert.Null(provider.VerifyBeforeBody(UrlToken));
        Assert.Null(provider.VerifyBeforeBody(null));
    }

    private static WebhookProvider Provider(string name, bool enabled)
    {
        var section = name switch
        {
            Providers.Salesforge => "Conversations:Providers:Salesforge",
            Providers.Seleqt => "Conversations:Providers:Seleqt",
            Providers.Chat => "Conversations:Providers:Chat",
            Providers.Breakcold => "Conversations:Providers:Breakcold",
            Providers.SalesIq => "Conversations:Providers:SalesIq",
            _ => "Conversations:Providers:Generic",
        };
        var settings = new Dictionary<string, string?> { [$"{section}:Enabled"] = enabled ? "true" : "false" };
        foreach (var (key, value) in Credentials(name)) settings[$"{section}:{key}"] = value;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddConversationsIngestion()
            .BuildServiceProvider();
        Assert.True(services.GetRequiredService<WebhookProviders>().TryGet(name, out var provider));
        Assert.Equal(section, provider.Section);
        return provider;
    }

    private static (string Key, string Value)[] Credentials(string name) => name switch
    {
        Providers.Breakcold => [("Secret", BreakcoldDeliveries.BodySecret), ("SigningSecret", BreakcoldDeliveries.SigningSecret)],
        Providers.SalesIq => [("PublicKeyPem", SalesIqSigning.PublicPem)],
        Providers.Generic => [("SigningSecret", SignedDeliveries.Secret)],
        _ => [("Token", UrlToken)],
    };

    private static WebhookDelivery CorrectDelivery(string name)
    {
        var body = Fixture.Read(Fixture.Names(name)[0]);
        return name switch
        {
            Providers.Breakcold => BreakcoldDeliveries.Signed(Fixture.Read("breakcold/01-lead.create.json")),
            Providers.SalesIq => SalesIqSigning.Signed(body),
            Providers.Generic => SignedDeliveries.Delivery(body, SignedDeliveries.Headers(body)),
            _ => new WebhookDelivery(body, new Dictionary<string, string>(), UrlToken, Support.Delivery.ReceivedAt),
        };
    }
}
