using System.Collections.Concurrent;
using System.Diagnostics;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Streams;
using Conversations.Grains.Streams;
using Conversations.Testing;
using Orleans.Streams;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

/// <summary>
/// A slow subscriber and a failing one do not slow the appends (publishing is the relay's, after the commit), and a
/// healthy subscriber of the same stream still receives every event. (A memory stream delivers an item to all its
/// subscribers before the next: one that hangs holds the others back until it returns. Readers of the signal feed,
/// over HTTP or with Conversations.Client, each read at their own pace.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamSubscriberIsolationTests(ClusterFixture fixture)
{
    private const int Events = 20;

    [Fact]
    public async Task ASlowAndAFailingSubscriber_SlowNotTheAppends_AndAHealthySubscriberGetsEveryEvent()
    {
        var email = NewEmail();
        var leadId = KeyOf(email);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider).GetStream<ConversationEvent>(StreamIds.EventsOf(leadId));
        var received = new ConcurrentDictionary<string, byte>();
        var subscriptions = new List<StreamSubscriptionHandle<ConversationEvent>>
        {
            await stream.SubscribeAsync((_, _) => Task.Delay(TimeSpan.FromMilliseconds(100))),
            await stream.SubscribeAsync((_, _) => Task.FromException(new InvalidOperationException("A failing subscriber (test)."))),
            await stream.SubscribeAsync((e, _) =>
            {
                if (e.Lead.Email == email) received.TryAdd(e.EventId, 0);
                return Task.CompletedTask;
            }),
        };
        var lead = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(leadId);

        var appending = Stopwatch.StartNew();
        for (var i = 0; i < Events; i++) await lead.AppendEventsAsync([Create(email, EventKind.Opened, T0.AddMinutes(i))]);
        appending.Stop();
        for (var waited = 0; received.Count < Events && waited < 20_000; waited += 50) await Task.Delay(50);
        foreach (var subscription in subscriptions) await subscription.UnsubscribeAsync();

        Assert.True(appending.Elapsed < TimeSpan.FromSeconds(5), $"{Events} appends took {appending.Elapsed}");
        Assert.Equal(Events, received.Count);
    }
}
