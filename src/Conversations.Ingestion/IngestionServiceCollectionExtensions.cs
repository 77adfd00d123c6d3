using Conversations.Abstractions;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Chat;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Seleqt;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Registers every provider (verifier, normalizer, validated options) and the <see cref="WebhookProviders"/> registry.</summary>
    public static IServiceCollection AddConversationsIngestion(this IServiceCollection services)
    {
        services.AddUrlTokenProvider<SalesforgeNormalizer>(Providers.Salesforge);
        services.AddUrlTokenProvider<SeleqtNormalizer>(Providers.Seleqt);
        services.AddUrlTokenProvider<ChatNormalizer>(Providers.Chat);
        services.AddBreakcoldProvider();
        services.AddSalesIqProvider();
        services.AddGenericProvider();
        services.AddSingleton<WebhookProviders>();
        return services;
    }
}
