using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conversations.Grains.Streams;

public static class OutboxRelayRegistration
{
    /// <summary>
    /// Runs the <see cref="OutboxRelay"/> in the silo, publishing with <see cref="StreamOutboxPublisher"/> unless another
    /// <see cref="IOutboxPublisher"/> is registered. Needs the store's <c>IStreamOutbox</c> (AddConversationsStorage).
    /// </summary>
    public static IServiceCollection AddOutboxRelay(this IServiceCollection services)
    {
        services.TryAddSingleton<IOutboxPublisher, StreamOutboxPublisher>();
        services.AddOptions<StreamPublishingOptions>().BindConfiguration(StreamPublishingOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SignalMetrics>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OutboxRelay>());
        return services;
    }
}
