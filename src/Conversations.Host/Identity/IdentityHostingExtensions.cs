using Microsoft.Extensions.Options;

namespace Conversations.Host.Identity;

public static class IdentityHostingExtensions
{
    /// <summary>The lead resolver of the ingest path, its guard rails and cache (the directory itself comes with the storage).</summary>
    public static IServiceCollection AddLeadIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<AliasGuardRails>();
        services.AddSingleton(sp => new LeadAliasCache(sp.GetRequiredService<IOptions<IdentityOptions>>().Value.CacheSize));
        services.AddSingleton<IdentityMetrics>();
        services.AddSingleton<LeadResolver>();
        services.AddSingleton<LeadLocator>();
        services.AddSingleton<LeadUnmerger>();
        return services;
    }
}
