using Conversations.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddConversationsIngestion_RegistersANormalizerPerProvider()
    {
        using var services = new ServiceCollection().AddConversationsIngestion().BuildServiceProvider();

        var normalizers = services.GetRequiredService<WebhookNormalizers>();

        Assert.Equal([Providers.Salesforge, Providers.Seleqt], normalizers.Providers.Order(StringComparer.Ordinal));
        Assert.True(normalizers.TryGet("SalesForge", out var salesforge));
        Assert.Equal(Providers.Salesforge, salesforge.Provider);
    }
}
