using Conversations.Abstractions.Events;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Conversations.Grains.Streams;

/// <summary>
/// Publishes on the Orleans streams named in <see cref="StreamNames"/>: each event on its lead's partition (and, when
/// <see cref="StreamPublishingOptions.EventsByKindAndCampaign"/>, on its kind's and its campaign's); each signal on its
/// lead's partition, on its type's stream and, when it has one, on its campaign's stream.
/// </summary>
public sealed class StreamOutboxPublisher(IClusterClient client, IOptions<StreamPublishingOptions> options) : IOutboxPublisher
{
    private readonly Lazy<IStreamProvider> _streams = new(() => client.GetStreamProvider(StreamNames.Provider));

    public async Task PublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        foreach (var (leadId, @event) in entry.Events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Stream<ConversationEvent>(StreamIds.EventsOf(leadId)).OnNextAsync(@event);
            if (!options.Value.EventsByKindAndCampaign) continue;
            foreach (var stream in StreamIds.ByKindAndCampaignOf(@event)) await Stream<ConversationEvent>(stream).OnNextAsync(@event);
        }
        foreach (var signal in entry.Signals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var stream in StreamIds.Of(signal)) await Stream<Signal>(stream).OnNextAsync(signal);
        }
    }

    private IAsyncStream<T> Stream<T>(StreamId id) => _streams.Value.GetStream<T>(id);
}
