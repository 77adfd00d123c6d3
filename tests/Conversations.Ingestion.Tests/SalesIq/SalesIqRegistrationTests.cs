using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.SalesIq;
using Conversations.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqRegistrationTests
{
    [Fact]
    public void AddSalesIqProvider_RegistersANormalizerAndAVerifierUnderOneName()
    {
        using var services = Services(("Enabled", "true"), ("PublicKeyPem", SalesIqSigning.PublicPem));

        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.True(providers.TryGet("SalesIQ", out var salesIq));
        Assert.IsType<SalesIqNormalizer>(salesIq.Normalizer);
        Assert.IsType<SalesIqVerifier>(salesIq.Verifier);
        Assert.Equal(Providers.SalesIq, salesIq.Name);
    }

    [Fact]
    public void AddSalesIqProvider_BindsItsSection()
    {
        using var services = Services(("Enabled", "true"), ("PublicKeyPem", SalesIqSigning.PublicPem));
        var body = Fixture.Read(SalesIqExpectations.Created);

        var verifier = services.GetServices<IDeliveryVerifier>().Single(v => v.Provider == Providers.SalesIq);

        Assert.True(verifier.Verify(SalesIqSigning.Signed(body)).IsAuthentic);
    }

    [Fact]
    public void AddSalesIqProvider_ValidatesAtStartup()
    {
        using var services = Services(("Enabled", "true"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Conversations:Providers:SalesIq:PublicKeyPem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSalesIqProvider_WhenNotConfigured_StartsAndRefusesDeliveries()
    {
        using var services = Services();
        services.GetRequiredService<IStartupValidator>().Validate();

        var verifier = services.GetServices<IDeliveryVerifier>().Single(v => v.Provider == Providers.SalesIq);

        Assert.False(verifier.Verify(SalesIqSigning.Signed(Fixture.Read(SalesIqExpectations.Created))).IsAuthentic);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"{SalesIqOptions.Section}:{s.Key}", s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSalesIqProvider()
            .AddSingleton<WebhookProviders>()
            .BuildServiceProvider();
    }
}
