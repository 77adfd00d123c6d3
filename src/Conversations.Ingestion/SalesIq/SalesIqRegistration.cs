using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.SalesIq;

public static class SalesIqRegistration
{
    /// <summary>Registers SalesIQ: its normalizer, its signature verifier and its options, validated at startup.</summary>
    public static IServiceCollection AddSalesIqProvider(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookNormalizer, SalesIqNormalizer>();
        services.AddSingleton<IDeliveryVerifier, SalesIqVerifier>();
        services.AddOptions<SalesIqOptions>().BindConfiguration(SalesIqOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SalesIqOptions>, SalesIqOptionsValidator>();
        return services;
    }
}
