using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Seleqt;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Registers every provider's normalizer and the <see cref="WebhookNormalizers"/> registry.</summary>
    public static IServiceCollection AddConversationsIngestion(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookNormalizer, SalesforgeNormalizer>();
        services.AddSingleton<IWebhookNormalizer, SeleqtNormalizer>();
        services.AddSingleton<WebhookNormalizers>();
        return services;
    }
}
