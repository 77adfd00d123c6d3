using Conversations.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion.Tests;

public sealed class RegistrationTests
{
    private static readonly string[] AllProviders = [Providers.Salesforge, Providers.Seleqt, Providers.Chat, Providers.Breakcold, Providers.SalesIq, Providers.Generic];

    [Fact]
    public void AddConversationsIngestion_RegistersAVerifierAndANormalizerPerProvider()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddConversationsIngestion()
            .BuildServiceProvider();

        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.Equal(AllProviders.Order(StringComparer.Ordinal), providers.Names.Order(StringComparer.Ordinal));
        Assert.True(providers.TryGet("SalesForge", out var salesforge));
        Assert.Equal(Providers.Salesforge, salesforge.Normalizer.Provider);
        Assert.Equal(Providers.Salesforge, salesforge.Verifier.Provider);
    }

    [Fact]
    public void AddConversationsIngestion_GivesOnlyBreakcoldAnArchiveRedactor()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddConversationsIngestion()
            .BuildServiceProvider();

        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.Equal([Providers.Breakcold], AllProviders.Where(name => providers.TryGet(name, out var p) && p.Redactor is not null));
    }

    [Fact]
    public void WebhookProviders_WhenARedactorHasNoProvider_FailsNamingIt()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddConversationsIngestion()
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => new WebhookProviders(
            services.GetServices<IWebhookNormalizer>(), services.GetServices<Authenticity.IDeliveryVerifier>(), [new OrphanRedactor()]));

        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
    }

    private sealed class OrphanRedactor : Authenticity.IArchiveRedactor
    {
        public string Provider => "nobody";

        public ReadOnlyMemory<byte> Redact(ReadOnlyMemory<byte> body) => body;
    }
}
