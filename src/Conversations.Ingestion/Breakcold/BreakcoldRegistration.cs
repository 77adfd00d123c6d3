using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion.Breakcold;

public static class BreakcoldRegistration
{
    /// <summary>Registers Breakcold's normalizer, its verifier and its validated options (<c>Conversations:Providers:Breakcold</c>).</summary>
    public static IServiceCollection AddBreakcoldProvider(this IServiceCollection services) =>
        services.AddSigningProvider<BreakcoldNormalizer, BreakcoldVerifier, BreakcoldOptions, BreakcoldOptionsValidator>(BreakcoldOptions.Section);
}
