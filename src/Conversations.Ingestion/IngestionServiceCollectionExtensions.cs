using Conversations.Abstractions;
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
    /// <summary>Registers every provider, one line each, and the <see cref="WebhookProviders"/> registry.</summary>
    public static IServiceCollection AddConversationsIngestion(this IServiceCollection services) => services
        .AddUrlTokenProvider<SalesforgeNormalizer>(Providers.Salesforge, "Salesforge")
        .AddUrlTokenProvider<SeleqtNormalizer>(Providers.Seleqt, "Seleqt")
        .AddUrlTokenProvider<ChatNormalizer>(Providers.Chat, "Chat")
        .AddSigningProvider<BreakcoldNormalizer, BreakcoldVerifier, BreakcoldOptions, BreakcoldOptionsValidator>(Providers.Breakcold, new BreakcoldArchiveRedactor())
        .AddSigningProvider<SalesIqNormalizer, SalesIqVerifier, SalesIqOptions, SalesIqOptionsValidator>(Providers.SalesIq)
        .AddSigningProvider<GenericNormalizer, GenericVerifier, GenericOptions, GenericOptionsValidator>(Providers.Generic);
}
