using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Ingestion.Generic;

public static class GenericRegistration
{
    /// <summary>Registers the generic receiver: its normalizer, its Standard Webhooks verifier and its validated options.</summary>
    public static IServiceCollection AddGenericProvider(this IServiceCollection services) =>
        services.AddSigningProvider<GenericNormalizer, GenericVerifier, GenericOptions, GenericOptionsValidator>(GenericOptions.Section);
}
