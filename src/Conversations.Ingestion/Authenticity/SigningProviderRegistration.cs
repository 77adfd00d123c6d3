using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Authenticity;

public static class SigningProviderRegistration
{
    /// <summary>
    /// Registers a provider that signs its deliveries: its normalizer, its verifier, and its options bound from
    /// <paramref name="section"/> and validated at startup. Calling it twice registers the provider once
    /// (a second verifier for one name would break the provider registry).
    /// </summary>
    public static IServiceCollection AddSigningProvider<TNormalizer, TVerifier, TOptions, TValidator>(this IServiceCollection services, string section)
        where TNormalizer : class, IWebhookNormalizer
        where TVerifier : class, IDeliveryVerifier
        where TOptions : ProviderOptions
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookNormalizer, TNormalizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryVerifier, TVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        return services;
    }
}
