using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Conversations.Ingestion;

/// <summary>
/// Registers a provider in one call: its name, its settings (bound from their section and validated at startup),
/// its verifier, its normalizer and, optionally, its archive redactor. Registering a name twice registers it once.
/// </summary>
public static class WebhookProviderRegistration
{
    /// <summary>
    /// A provider that does not sign: its deliveries carry a secret token (see <see cref="UrlTokenVerifier"/>), set
    /// with the shared <see cref="ProviderOptions"/> under <c>Conversations:Providers:&lt;<paramref name="sectionName"/>&gt;</c>.
    /// </summary>
    public static IServiceCollection AddUrlTokenProvider<TNormalizer>(this IServiceCollection services, string name, string sectionName)
        where TNormalizer : IWebhookNormalizer, new()
    {
        if (IsRegistered(services, name)) return services;
        var section = ProviderOptions.SectionFor(sectionName);
        services.AddOptions<ProviderOptions>(name).BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderOptions>>(new UrlTokenOptionsValidator(name, section));
        return services.AddProvider(name, sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<ProviderOptions>>();
            return new WebhookProvider(name, section, () => options.Get(name), new UrlTokenVerifier(name, section, options), new TNormalizer(), null);
        });
    }

    /// <summary>A provider that authenticates its deliveries itself (a signature, a body secret), with options of its own.</summary>
    public static IServiceCollection AddSigningProvider<TNormalizer, TVerifier, TOptions, TValidator>(
        this IServiceCollection services, string name, IArchiveRedactor? redactor = null)
        where TNormalizer : IWebhookNormalizer, new()
        where TVerifier : IDeliveryVerifier
        where TOptions : ProviderOptions, IProviderOptionsSection
        where TValidator : class, IValidateOptions<TOptions>
    {
        if (IsRegistered(services, name)) return services;
        services.AddOptions<TOptions>().BindConfiguration(TOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddProvider(name, sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
            var verifier = ActivatorUtilities.CreateInstance<TVerifier>(sp);
            return new WebhookProvider(name, TOptions.Section, () => options.CurrentValue, verifier, new TNormalizer(), redactor);
        });
    }

    private static IServiceCollection AddProvider(this IServiceCollection services, string name, Func<IServiceProvider, WebhookProvider> create)
    {
        services.AddSingleton(new ProviderRegistration(name, create));
        services.TryAddSingleton(sp => new WebhookProviders(sp.GetServices<ProviderRegistration>(), sp));
        return services;
    }

    private static bool IsRegistered(IServiceCollection services, string name) => services.Any(d =>
        d.ServiceType == typeof(ProviderRegistration)
        && d.ImplementationInstance is ProviderRegistration registered
        && string.Equals(registered.Name, name, StringComparison.OrdinalIgnoreCase));
}
