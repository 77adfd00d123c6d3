using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Generic;

public static class GenericRegistration
{
    /// <summary>
    /// Registers the generic receiver: its normalizer, its Standard Webhooks verifier and its options, validated at
    /// startup. Calling it twice registers it once (a second verifier would break the provider registry).
    /// </summary>
    public static IServiceCollection AddGenericProvider(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookNormalizer, GenericNormalizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryVerifier, GenericVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenericOptions>, GenericOptionsValidator>());
        services.AddOptions<GenericOptions>().BindConfiguration(GenericOptions.Section).ValidateOnStart();
        return services;
    }
}
