using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Ingestion.Breakcold;

public static class BreakcoldRegistration
{
    /// <summary>
    /// Registers Breakcold's normalizer, its verifier, its validated options (<c>Conversations:Providers:Breakcold</c>)
    /// and the redactor that keeps its body secret out of the archive.
    /// </summary>
    public static IServiceCollection AddBreakcoldProvider(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IArchiveRedactor, BreakcoldArchiveRedactor>());
        return services.AddSigningProvider<BreakcoldNormalizer, BreakcoldVerifier, BreakcoldOptions, BreakcoldOptionsValidator>(BreakcoldOptions.Section);
    }
}
