using System.Collections.Concurrent;
using System.Diagnostics;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Streams;
using Conversations.Client;
using Orleans.Streams;

namespace Conversations.LoadTest.Delivery;

/// <summary>An internal service's view: an Orleans client (Conversations.Client) subscribed to every event partition, noting when each event first arrives.</summary>
internal sealed class EventSubscriber : IAsyncDisposable
{
    private readonly IHost _client;
    private readonly List<StreamSubscriptionHandle<ConversationEvent>> _subscriptions = [];

    private EventSubscriber(IHost client) => _client = client;

    /// <summary>Stopwatch timestamps of first arrival, by event id.</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new(StringComparer.Ordinal);

    public static async Task<EventSubscriber> ConnectAsync(DeliveryOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseConversations(o =>
        {
            o.PostgreSqlConnectionString = options.PostgreSql;
            o.GatewayPort = options.GatewayPort;
            o.ClusterId = options.ClusterId;
        }));
        var subscriber = new EventSubscriber(builder.Build());
        await subscriber._client.StartAsync();
        var streams = subscriber._client.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Provider);
        foreach (var partition in StreamNames.PartitionKeys)
        {
            subscriber._subscriptions.Add(await streams.GetStream<ConversationEvent>(StreamId.Create(StreamNames.EventsNamespace, partition))
                .SubscribeAsync((e, _) =>
                {
                    subscriber.Arrivals.TryAdd(e.EventId, Stopwatch.GetTimestamp());
                    return Task.CompletedTask;
                }));
        }
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions) await subscription.UnsubscribeAsync();
        await _client.StopAsync();
        _client.Dispose();
    }
}
