using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
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
    public void AddBreakcoldProvider_RegistersOneNormalizerVerifierAndArchiveRedactor_EvenWhenCalledTwice()
    {
        using var services = Services(new()).AddBreakcoldProvider().BuildServiceProvider();

        var providers = new WebhookProviders(services.GetServices<IWebhookNormalizer>(), services.GetServices<IDeliveryVerifier>(), services.GetServices<IArchiveRedactor>());

        Assert.IsType<BreakcoldNormalizer>(Assert.Single(services.GetServices<IWebhookNormalizer>()));
        Assert.IsType<BreakcoldVerifier>(Assert.Single(services.GetServices<IDeliveryVerifier>()));
        Assert.IsType<BreakcoldArchiveRedactor>(Assert.Single(services.GetServices<IArchiveRedactor>()));
        Assert.True(providers.TryGet("Breakcold", out var breakcold));
        Assert.Equal(Providers.Breakcold, breakcold.Name);
        Assert.IsType<BreakcoldArchiveRedactor>(breakcold.Redactor);
    }

    [Fact]
    public void AddBreakcoldProvider_BindsItsSection()
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
    public void AddBreakcoldProvider_WhenNothingConfigured_UsesDocumentedDefaults()
    {
        using var services = Services(new()).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<BreakcoldOptions>>().Value;

        Assert.Equal(
            (false, "X-Webhook-Signature", "X-Webhook-Timestamp", "X-Webhook-Delivery-Id", 300),
            (options.Enabled, options.SignatureHeader, options.TimestampHeader, options.DeliveryIdHeader, options.ToleranceSeconds));
    }

    [Fact]
    public void AddBreakcoldProvider_WhenEnabledWithoutSecret_FailsAtStartupNamingTheSetting()
    {
        using var services = Services(new() { [$"{Section}:Enabled"] = "true" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{Section}:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBreakcoldProvider_VerifierUsesTheBoundSecret()
    {
        using var services = Services(new() { [$"{Section}:Enabled"] = "true", [$"{Section}:Secret"] = BodySecret }).BuildServiceProvider();
        var verifier = services.GetRequiredService<IDeliveryVerifier>();

        verifier.Verify(Unsigned(Fixture.Read("breakcold/01-lead.create.json"))).AssertAuthentic();
        verifier.Verify(Unsigned(Fixture.Read("breakcold/09-wrong-secret.json"))).AssertRefused("the secret in the body is not the configured one");
    }

    private static IServiceCollection Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddBreakcoldProvider();
}
