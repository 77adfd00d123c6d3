using Conversations.Abstractions;
using Conversations.Ingestion.SalesIq;
using Conversations.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqRegistrationTests
{
    [Fact]
    public void AddConversationsIngestion_RegistersTheSalesIqNormalizerAndVerifierUnderOneName()
    {
        using var services = Services(("Enabled", "true"), ("PublicKeyPem", SalesIqSigning.PublicPem));

        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.True(providers.TryGet("SalesIQ", out var salesIq));
        Assert.IsType<SalesIqNormalizer>(salesIq.Normalizer);
        Assert.IsType<SalesIqVerifier>(salesIq.Verifier);
        Assert.Equal(Providers.SalesIq, salesIq.Name);
    }

    [Fact]
    public void AddConversationsIngestion_BindsTheSalesIqSection()
    {
        using var services = Services(("Enabled", "true"), ("PublicKeyPem", SalesIqSigning.PublicPem));
        var body = Fixture.Read(SalesIqExpectations.Created);

        Assert.True(services.GetRequiredService<WebhookProviders>().TryGet(Providers.SalesIq, out var salesIq));

        Assert.True(salesIq.Verify(SalesIqSigning.Signed(body)).IsAuthentic);
    }

    [Fact]
    public void AddConversationsIngestion_ValidatesSalesIqAtStartup()
    {
        using var services = Services(("Enabled", "true"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Conversations:Providers:SalesIq:PublicKeyPem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConversationsIngestion_WhenSalesIqNotConfigured_StartsAndRefusesDeliveries()
    {
        using var services = Services();
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(services.GetRequiredService<WebhookProviders>().TryGet(Providers.SalesIq, out var salesIq));

        Assert.False(salesIq.Verify(SalesIqSigning.Signed(Fixture.Read(SalesIqExpectations.Created))).IsAuthentic);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{SalesIqOptions.Section}:{s.Key}", s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddConversationsIngestion()
            .BuildServiceProvider();
    }
}
