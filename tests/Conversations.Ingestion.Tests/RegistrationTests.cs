using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Chat;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Seleqt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests;

public sealed class RegistrationTests
{
    private static readonly string[] AllProviders = [Providers.Salesforge, Providers.Seleqt, Providers.Chat, Providers.Breakcold, Providers.SalesIq, Providers.Generic];

    [Fact]
    public void AddConversationsIngestion_RegistersAVerifierAndANormalizerPerProvider()
    {
        using var services = Build();
        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.Equal(AllProviders.Order(StringComparer.Ordinal), providers.Names.Order(StringComparer.Ordinal));
        Assert.True(providers.TryGet("SalesForge", out var salesforge));
        Assert.Equal(Providers.Salesforge, salesforge.Normalizer.Provider);
        Assert.IsType<UrlTokenVerifier>(salesforge.Verifier);
    }

    [Theory]
    [InlineData(Providers.Salesforge, "Conversations:Providers:Salesforge", typeof(SalesforgeNormalizer), typeof(UrlTokenVerifier))]
    [InlineData(Providers.Seleqt, "Conversations:Providers:Seleqt", typeof(SeleqtNormalizer), typeof(UrlTokenVerifier))]
    [InlineData(Providers.Chat, "Conversations:Providers:Chat", typeof(ChatNormalizer), typeof(UrlTokenVerifier))]
    [InlineData(Providers.Breakcold, "Conversations:Providers:Breakcold", typeof(BreakcoldNormalizer), typeof(BreakcoldVerifier))]
    [InlineData(Providers.SalesIq, "Conversations:Providers:SalesIq", typeof(SalesIqNormalizer), typeof(SalesIqVerifier))]
    [InlineData(Providers.Generic, "Conversations:Providers:Generic", typeof(GenericNormalizer), typeof(GenericVerifier))]
    public void AddConversationsIngestion_GivesEachProviderItsSectionNormalizerAndVerifier(string name, string section, Type normalizer, Type verifier)
    {
        using var services = Build();

        Assert.True(services.GetRequiredService<WebhookProviders>().TryGet(name, out var provider));

        Assert.Equal((name, section), (provider.Name, provider.Section));
        Assert.IsType(normalizer, provider.Normalizer);
        Assert.IsType(verifier, provider.Verifier);
    }

    [Fact]
    public void AddConversationsIngestion_GivesOnlyBreakcoldAnArchiveRedactor()
    {
        using var services = Build();
        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.Equal([Providers.Breakcold], AllProviders.Where(name => providers.TryGet(name, out var p) && p.Redactor is not null));
    }

    [Fact]
    public void AddConversationsIngestion_WhenCalledTwice_RegistersEachProviderOnce()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddConversationsIngestion()
            .AddConversationsIngestion()
            .BuildServiceProvider();

        Assert.Equal(AllProviders.Length, services.GetRequiredService<WebhookProviders>().All.Count);
        Assert.Single(services.GetServices<IValidateOptions<BreakcoldOptions>>());
    }

    [Fact]
    public void AddUrlTokenProvider_WhenTheNormalizerBelongsToAnotherProvider_FailsNamingBoth()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddUrlTokenProvider<SalesforgeNormalizer>("nobody", "Nobody")
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<WebhookProviders>());

        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'salesforge'", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build() =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddConversationsIngestion()
            .BuildServiceProvider();
}
