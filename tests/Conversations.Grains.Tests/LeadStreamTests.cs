using Conversations.Testing;
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
    public async Task Append_PublishesEachNewEventOnTheLeadsPartition_AndNotItsDuplicates()
    {
        var email = NewEmail();
        var received = new List<ConversationEvent>();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<ConversationEvent>(StreamId.Create(StreamNames.EventsNamespace, StreamNames.PartitionOf(KeyOf(email))));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            if (e.Lead.Email != email) return Task.CompletedTask;
            lock (received) received.Add(e);
            firstArrived.TrySetResult();
            return Task.CompletedTask;
        });

        var opened = Create(email, EventKind.Opened, T0);
        var lead = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(KeyOf(email));
        await lead.AppendEventsAsync([opened]);
        await lead.AppendEventsAsync([opened]);
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        await subscription.UnsubscribeAsync();

        lock (received) Assert.Equal([opened.EventId], received.Select(e => e.EventId));
    }

    [Fact]
    public void PartitionOf_IsStableAndWithinRange()
    {
        Assert.Equal(StreamNames.PartitionOf("email:bill@example.com"), StreamNames.PartitionOf("email:bill@example.com"));
        var partitions = Enumerable.Range(0, 1000).Select(i => StreamNames.PartitionOf($"email:lead{i}@example.com")).ToList();
        Assert.All(partitions, p => Assert.InRange(p, 0, StreamNames.PartitionCount - 1));
        Assert.Equal(StreamNames.PartitionCount, partitions.Distinct().Count());
        // Pinned: a lead must keep its partition across processes and releases.
        Assert.Equal(3, StreamNames.PartitionOf("email:bill@example.com"));
    }
}
