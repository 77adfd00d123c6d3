using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Conversations.Grains.Streams;

/// <summary>
/// Publishes on the Orleans streams named in <see cref="StreamNames"/>: each event on its lead's partition (and, when
/// <see cref="StreamPublishingOptions.EventsByKindAndCampaign"/>, on its kind's and its campaign's); each signal on its
/// lead's partition, on its type's stream and, when it has one, on its campaign's stream. The entries' items are
/// gathered by stream and each stream gets them in order, in a few batched calls; the streams are published at once.
/// </summary>
public sealed partial class StreamOutboxPublisher(IClusterClient client, IOptions<StreamPublishingOptions> options, ILogger<StreamOutboxPublisher> logger)
    : IOutboxPublisher
{
    /// <summary>
    /// Items sent in one call to a stream queue at most. A memory stream stores each call's items together in a cache
    /// block of 1 MiB, so a call must stay well below that.
    /// </summary>
    private const int ItemsPerCall = 100;

    private readonly Lazy<IStreamProvider> _streams = new(() => client.GetStreamProvider(StreamNames.Provider));

    public async Task<IReadOnlyCollection<Guid>> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var events = new StreamBatches<ConversationEvent>();
        var signals = new StreamBatches<Signal>();
        foreach (var entry in entries)
        {
            foreach (var (leadId, @event) in entry.Events)
            {
                events.Add(StreamIds.EventsOf(leadId), @event, entry.Id);
                if (!options.Value.EventsByKindAndCampaign) continue;
                foreach (var stream in StreamIds.ByKindAndCampaignOf(@event)) events.Add(stream, @event, entry.Id);
            }
            foreach (var signal in entry.Signals)
            {
                foreach (var stream in StreamIds.Of(signal)) signals.Add(stream, signal, entry.Id);
            }
        }

        var heldBack = new ConcurrentDictionary<Guid, byte>();
        await Task.WhenAll(
            events.Batches.Select(batch => SendAsync(batch, heldBack, cancellationToken))
                .Concat(signals.Batches.Select(batch => SendAsync(batch, heldBack, cancellationToken))));
        return entries.Select(entry => entry.Id).Where(id => !heldBack.ContainsKey(id)).ToArray();
    }

    private async Task SendAsync<T>(StreamBatch<T> batch, ConcurrentDictionary<Guid, byte> heldBack, CancellationToken cancellationToken)
    {
        try
        {
            var stream = _streams.Value.GetStream<T>(batch.Stream);
            foreach (var items in batch.Items.Chunk(ItemsPerCall))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await stream.OnNextBatchAsync(items);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStreamFailed(logger, exception, batch.Stream, batch.Items.Count, batch.EntryIds.Count);
            foreach (var entryId in batch.EntryIds) heldBack.TryAdd(entryId, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Items} items on stream {Stream} failed; their {Entries} outbox entries stay in the outbox and are published again when due")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception, StreamId stream, int items, int entries);
}
