using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Conversations.Host.Hosting;

public static class ClusterTlsSiloBuilderExtensions
{
    /// <summary>Binds <see cref="ClusterTlsOptions"/> and, when they name a certificate, secures the silo and gateway ports with TLS.</summary>
    public static ISiloBuilder UseClusterTlsWhenConfigured(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<IValidateOptions<ClusterTlsOptions>, ClusterTlsOptionsValidator>();
        silo.Services.AddOptions<ClusterTlsOptions>().BindConfiguration(ClusterTlsOptions.SectionName).ValidateOnStart();
        silo.Services.AddSingleton<ClusterTls>();
        silo.Services.AddSingleton<IConfigureOptions<SiloConnectionOptions>>(sp => sp.GetRequiredService<ClusterTls>());
        return silo;
    }
}
