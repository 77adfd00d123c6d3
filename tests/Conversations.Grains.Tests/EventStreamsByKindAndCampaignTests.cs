using System.Collections.Concurrent;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Streams;
using Conversations.Grains.Streams;
using Conversations.Testing;
using Orleans.Streams;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

/// <summary>With Conversations:Streams:EventsByKindAndCampaign on (as in this cluster), each new event also reaches its kind's and its campaign's streams, once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventStreamsByKindAndCampaignTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ANewEvent_IsPublishedOnItsKindsAndItsCampaignsStreams()
    {
        var (email, campaign) = (NewEmail(), NewCampaignKey());
        var streams = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider);
        var byKind = new ConcurrentQueue<string>();
        var byCampaign = new ConcurrentQueue<string>();
        var subscriptions = new[]
        {
            await streams.GetStream<ConversationEvent>(StreamIds.EventsOfKind(EventKind.Clicked)).SubscribeAsync((e, _) =>
            {
                if (e.Lead.Email == email) byKind.Enqueue(e.EventId);
                return Task.CompletedTask;
            }),
            await streams.GetStream<ConversationEvent>(StreamIds.EventsOfCampaign(campaign)).SubscribeAsync((e, _) =>
            {
                byCampaign.Enqueue(e.EventId);
                return Task.CompletedTask;
            }),
        };
        var clicked = Create(email, EventKind.Clicked, T0, campaign);
        var opened = Create(email, EventKind.Opened, T0.AddMinutes(1), campaign);
        var lead = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(KeyOf(email));

        await lead.AppendEventsAsync([clicked, opened]);
        await lead.AppendEventsAsync([clicked]);
        for (var waited = 0; (byKind.IsEmpty || byCampaign.Count < 2) && waited < 10_000; waited += 50) await Task.Delay(50);
        await Task.Delay(300);
        foreach (var subscription in subscriptions) await subscription.UnsubscribeAsync();

        Assert.Equal([clicked.EventId], byKind);
        Assert.Equal([clicked.EventId, opened.EventId], byCampaign.Order());
    }
}
