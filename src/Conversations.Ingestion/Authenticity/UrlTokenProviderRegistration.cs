using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Authenticity;

public static class UrlTokenProviderRegistration
{
    /// <summary>Registers a provider that does not sign: its normalizer, a URL-token verifier and its validated options.</summary>
    public static IServiceCollection AddUrlTokenProvider<TNormalizer>(this IServiceCollection services, string provider)
        where TNormalizer : class, IWebhookNormalizer
    {
        services.AddSingleton<IWebhookNormalizer, TNormalizer>();
        services.AddSingleton<IDeliveryVerifier>(sp => new UrlTokenVerifier(provider, sp.GetRequiredService<IOptionsMonitor<ProviderOptions>>()));
        services.AddOptions<ProviderOptions>(provider).BindConfiguration(ProviderOptions.SectionFor(provider)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderOptions>>(new UrlTokenOptionsValidator(provider));
        return services;
    }
}
