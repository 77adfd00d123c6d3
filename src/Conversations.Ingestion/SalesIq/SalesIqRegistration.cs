using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion.SalesIq;

public static class SalesIqRegistration
{
    /// <summary>Registers SalesIQ: its normalizer, its signature verifier and its options, validated at startup.</summary>
    public static IServiceCollection AddSalesIqProvider(this IServiceCollection services) =>
        services.AddSigningProvider<SalesIqNormalizer, SalesIqVerifier, SalesIqOptions, SalesIqOptionsValidator>(SalesIqOptions.Section);
}
