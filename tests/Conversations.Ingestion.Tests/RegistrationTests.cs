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
}
