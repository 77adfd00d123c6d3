using Conversations.Abstractions;
using Conversations.Ingestion.Breakcold;
using Conversations.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Conversations.Ingestion.Tests.Breakcold.BreakcoldDeliveries;

namespace Conversations.Ingestion.Tests.Breakcold;

public sealed class BreakcoldRegistrationTests
{
    private const string Section = "Conversations:Providers:Breakcold";

    [Fact]
    public void AddConversationsIngestion_RegistersOneBreakcoldNormalizerVerifierAndArchiveRedactor_EvenWhenCalledTwice()
    {
        using var services = Services(new()).AddConversationsIngestion().BuildServiceProvider();

        var providers = services.GetRequiredService<WebhookProviders>();

        Assert.Single(providers.Names, name => name == Providers.Breakcold);
        Assert.True(providers.TryGet("Breakcold", out var breakcold));
        Assert.Equal(Providers.Breakcold, breakcold.Name);
        Assert.IsType<BreakcoldNormalizer>(breakcold.Normalizer);
        Assert.IsType<BreakcoldVerifier>(breakcold.Verifier);
        Assert.IsType<BreakcoldArchiveRedactor>(breakcold.Redactor);
        Assert.Single(services.GetServices<IValidateOptions<BreakcoldOptions>>());
    }

    [Fact]
    public void AddConversationsIngestion_BindsTheBreakcoldSection()
    {
        using var services = Services(new()
        {
            [$"{Section}:Enabled"] = "true",
            [$"{Section}:Secret"] = BodySecret,
            [$"{Section}:SigningSecret"] = SigningSecret,
            [$"{Section}:SignatureHeader"] = "X-Sig",
            [$"{Section}:TimestampHeader"] = "X-Time",
            [$"{Section}:DeliveryIdHeader"] = "X-Id",
            [$"{Section}:ToleranceSeconds"] = "120",
        }).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<BreakcoldOptions>>().Value;

        Assert.Equal(
            (true, BodySecret, SigningSecret, "X-Sig", "X-Time", "X-Id", 120),
            (options.Enabled, options.Secret, options.SigningSecret, options.SignatureHeader, options.TimestampHeader, options.DeliveryIdHeader, options.ToleranceSeconds));
    }

    [Fact]
    public void AddConversationsIngestion_WhenNothingConfiguredForBreakcold_UsesDocumentedDefaults()
    {
        using var services = Services(new()).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<BreakcoldOptions>>().Value;

        Assert.Equal(
            (false, "X-Webhook-Signature", "X-Webhook-Timestamp", "X-Webhook-Delivery-Id", 300),
            (options.Enabled, options.SignatureHeader, options.TimestampHeader, options.DeliveryIdHeader, options.ToleranceSeconds));
    }

    [Fact]
    public void AddConversationsIngestion_WhenBreakcoldEnabledWithoutSecret_FailsAtStartupNamingTheSetting()
    {
        using var services = Services(new() { [$"{Section}:Enabled"] = "true" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{Section}:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConversationsIngestion_BreakcoldVerifierUsesTheBoundSecret()
    {
        using var services = Services(new() { [$"{Section}:Enabled"] = "true", [$"{Section}:Secret"] = BodySecret }).BuildServiceProvider();
        Assert.True(services.GetRequiredService<WebhookProviders>().TryGet(Providers.Breakcold, out var verifier));

        verifier.Verify(Unsigned(Fixture.Read("breakcold/01-lead.create.json"))).AssertAuthentic();
        verifier.Verify(Unsigned(Fixture.Read("breakcold/09-wrong-secret.json"))).AssertRefused("the secret in the body is not the configured one");
    }

    private static IServiceCollection Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddConversationsIngestion();
}
