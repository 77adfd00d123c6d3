using Conversations.Abstractions;
using Conversations.Ingestion.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericRegistrationTests
{
    [Fact]
    public void AddConversationsIngestion_RegistersTheGenericVerifierAndNormalizerBoundToItsSection()
    {
        using var services = Services(new()
        {
            ["Conversations:Providers:Generic:Enabled"] = "true",
            ["Conversations:Providers:Generic:SigningSecret"] = SignedDeliveries.Secret,
            ["Conversations:Providers:Generic:ToleranceSeconds"] = "60",
        }).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.True(services.GetRequiredService<WebhookProviders>().TryGet("Generic", out var generic));
        Assert.IsType<GenericNormalizer>(generic.Normalizer);
        Assert.IsType<GenericVerifier>(generic.Verifier);
        Assert.Equal(60, services.GetRequiredService<IOptions<GenericOptions>>().Value.ToleranceSeconds);
    }

    [Fact]
    public void AddConversationsIngestion_WhenGenericEnabledWithoutSecret_FailsAtStartupNamingTheSetting()
    {
        using var services = Services(new() { ["Conversations:Providers:Generic:Enabled"] = "true" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Conversations:Providers:Generic:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConversationsIngestion_WhenGenericNotConfigured_StartsDisabled()
    {
        using var services = Services([]).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.False(services.GetRequiredService<IOptions<GenericOptions>>().Value.Enabled);
        Assert.Equal(300, services.GetRequiredService<IOptions<GenericOptions>>().Value.ToleranceSeconds);
    }

    [Fact]
    public void AddConversationsIngestion_WhenCalledTwice_RegistersGenericOnce()
    {
        using var services = Services([]).AddConversationsIngestion().BuildServiceProvider();

        Assert.Single(services.GetRequiredService<WebhookProviders>().Names, name => name == Providers.Generic);
        Assert.Single(services.GetServices<IValidateOptions<GenericOptions>>());
    }

    private static IServiceCollection Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddConversationsIngestion();
}
