using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Streams;
using Orleans.Streams;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LeadStreamTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Append_PublishesEachNewEventOnTheLeadsStream_AndNotItsDuplicates()
    {
        var email = NewEmail();
        var received = new List<ConversationEvent>();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<ConversationEvent>(StreamId.Create(StreamNames.LeadEventsNamespace, KeyOf(email)));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            lock (received) received.Add(e);
            firstArrived.TrySetResult();
            return Task.CompletedTask;
        });

        var opened = Create(email, EventKind.Opened, T0);
        var lead = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(KeyOf(email));
        await lead.AppendAsync([opened]);
        await lead.AppendAsync([opened]);
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        await subscription.UnsubscribeAsync();

        lock (received) Assert.Equal([opened.EventId], received.Select(e => e.EventId));
    }
}
