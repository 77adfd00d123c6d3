using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Signals;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.TestingHost;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests.Signals;

/// <summary>
/// The rules on the write path, through lead grains on a test cluster and its store: signals commit with the events
/// that trigger them, once, in order and out of order, redelivered, after a reactivation, and after a merge.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LeadSignalsTests(ClusterFixture fixture)
{
    private readonly string _email = NewEmail();
    private readonly string _leadId = LeadId.New();

    private ILeadGrain Lead => fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(_leadId);
    private IServiceProvider Silo => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;

    [Fact]
    public async Task APositiveLinkedInReplyAfterAnEmailOpen_StoresTheSignalsWithTheReply_AndPublishesEachOnce()
    {
        var published = new List<Signal>();
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<Signal>(StreamId.Create(StreamNames.SignalsNamespace, StreamNames.PartitionOf(_leadId)));
        var subscription = await stream.SubscribeAsync((signal, _) =>
        {
            if (signal.LeadId == _leadId) lock (published) published.Add(signal);
            return Task.CompletedTask;
        });
        var open = Create(_email, EventKind.Opened, T0);
        var reply = LinkedInReply("Sounds good, let's talk on Thursday.", T0.AddDays(2));

        await Lead.AppendEventsAsync([open]);
        await Lead.AppendEventsAsync([reply]);
        await Lead.AppendEventsAsync([reply, open]);
        var stored = await SignalsAsync();
        await Eventually(() => { lock (published) return published.Count >= stored.Count; });
        await subscription.UnsubscribeAsync();

        Assert.Equal(
            [SignalTypes.CrossChannelEngagement, SignalTypes.PositiveLinkedInReplyAfterEmailOpen, SignalTypes.PositiveReply],
            stored.Select(s => s.Type).Order());
        var signal = stored.Single(s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        Assert.Equal([open.EventId, reply.EventId], signal.Evidence);
        Assert.Equal((_leadId, reply.OccurredAt), (signal.LeadId, signal.OccurredAt));
        lock (published) Assert.Equal(stored.Select(s => s.Id).Order(), published.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task ALateOpenThatHappenedBeforeTheReply_FiresTheSignalWhenItArrives_Once_AndRedeliveriesFireNothing()
    {
        var reply = LinkedInReply("Yes, send me more information please.", T0.AddDays(2));
        var lateOpen = Create(_email, EventKind.Opened, T0);

        await Lead.AppendEventsAsync([reply]);
        var beforeTheOpen = await SignalsAsync();
        await Lead.AppendEventsAsync([lateOpen]);
        var afterTheOpen = await SignalsAsync();
        await Lead.AppendEventsAsync([lateOpen, reply]);
        await Lead.AppendEventsAsync([reply]);

        Assert.DoesNotContain(beforeTheOpen, s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        Assert.Single(afterTheOpen, s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen);
        Assert.Equal(Shapes(afterTheOpen), Shapes(await SignalsAsync()));
    }

    [Fact]
    public async Task AfterAReactivation_TheRulesSeeTheHistory_AlsoWhenTheLeadWasWronglyThoughtNew()
    {
        var opens = Enumerable.Range(0, 2).Select(i => Create(_email, EventKind.Opened, T0.AddHours(i))).ToList();
        await Lead.AppendEventsAsync(opens);
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var third = Create(_email, EventKind.Opened, T0.AddHours(2));
        await Lead.AppendEventsAsync([third]);

        var otherLead = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(LeadId.New());
        await otherLead.AppendEventsAsync(opens.Select(e => e with { EventId = e.EventId + ":other" }).ToList());
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await otherLead.AppendAsync(new LeadAppend([third with { EventId = third.EventId + ":other" }], otherLead.GetPrimaryKeyString(), [], NewLead: true));

        Assert.Equal([opens[0].EventId, opens[1].EventId, third.EventId], Assert.Single(await SignalsAsync(), s => s.Type == SignalTypes.HotLead).Evidence);
        Assert.Single(await SignalsAsync(otherLead.GetPrimaryKeyString()), s => s.Type == SignalTypes.HotLead);
    }

    [Fact]
    public async Task AMergeThatCompletesAPattern_FiresItOnce_AndMovedSignalsAreNotFoundAgain()
    {
        var (older, newer) = (_leadId, LeadId.New());
        var open = Create(_email, EventKind.Opened, T0);
        var reply = LinkedInReply("Interested, let's set up a call.", T0.AddDays(1));
        await Lead.AppendEventsAsync([open]);
        await fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(newer).AppendEventsAsync([reply]);

        await Silo.GetRequiredService<ILeadMerges>().MergeAsync(new MergeRequest([older, newer], null, MaxAliases: 20));
        await Lead.AppendEventsAsync([Create(_email, EventKind.Sent, T0.AddDays(3))]);
        await Lead.AppendEventsAsync([Create(_email, EventKind.Sent, T0.AddDays(4))]);

        var signals = await SignalsAsync();
        Assert.Equal([open.EventId, reply.EventId], Assert.Single(signals, s => s.Type == SignalTypes.PositiveLinkedInReplyAfterEmailOpen).Evidence);
        Assert.Single(signals, s => s.Type == SignalTypes.PositiveReply);
        Assert.Single(signals, s => s.Type == SignalTypes.CrossChannelEngagement);
        Assert.All(signals, s => Assert.Equal(older, s.LeadId));
    }

    private Task<IReadOnlyList<Signal>> SignalsAsync(string? leadId = null) =>
        Silo.GetRequiredService<ITimelineStore>().ReadLeadSignalsAsync(leadId ?? _leadId);

    private static IEnumerable<string> Shapes(IEnumerable<Signal> signals) =>
        signals.Select(s => $"{s.Id} {s.Type} {string.Join(",", s.Evidence)}").Order();

    private ConversationEvent LinkedInReply(string text, DateTimeOffset at) =>
        Create(_email, EventKind.Message, at, direction: Direction.Inbound) with { Channel = Channel.LinkedIn, Text = text };

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 10_000; waited += 50) await Task.Delay(50);
    }
}
