using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Breakcold;

public static class BreakcoldRegistration
{
    /// <summary>Registers Breakcold's normalizer, its verifier and its validated options (<c>Conversations:Providers:Breakcold</c>).</summary>
    public static IServiceCollection AddBreakcoldProvider(this IServiceCollection services)
    {
        // TryAddEnumerable: a second registration would give the provider registry two verifiers for one name.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookNormalizer, BreakcoldNormalizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeliveryVerifier, BreakcoldVerifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BreakcoldOptions>, BreakcoldOptionsValidator>());
        services.AddOptions<BreakcoldOptions>().BindConfiguration(BreakcoldOptions.Section).ValidateOnStart();
        return services;
    }
}
