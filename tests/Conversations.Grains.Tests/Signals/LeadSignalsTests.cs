using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Leads;
using Conversations.Grains.Signals;
using Conversations.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
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

    public static TheoryData<string, string> RulesAndOrders()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in Scenarios.Keys)
        {
            foreach (var order in new[] { "in order", "reversed", "redelivered" }) data.Add(rule, order);
        }
        return data;
    }

    /// <summary>Per rule, events that make it true, in occurred-at order, and every signal they make, once each.</summary>
    private static readonly Dictionary<string, (Func<string, ConversationEvent[]> Events, string[] Signals)> Scenarios = new()
    {
        [SignalTypes.PositiveLinkedInReplyAfterEmailOpen] = (email => [Create(email, EventKind.Opened, T0), LinkedIn(email, "Sounds good, let's talk on Thursday.", T0.AddDays(2))],
            [SignalTypes.CrossChannelEngagement, SignalTypes.PositiveLinkedInReplyAfterEmailOpen, SignalTypes.PositiveReply]),
        [SignalTypes.NegativeReply] = (email => [Create(email, EventKind.Sent, T0), Reply(email, "Re: Idea", "Not interested, thanks.", T0.AddHours(3))],
            [SignalTypes.NegativeReply]),
        [SignalTypes.OutOfOffice] = (email => [Create(email, EventKind.Sent, T0), Reply(email, "Automatic reply: Idea", "I am out of the office until Monday.", T0.AddMinutes(1))],
            [SignalTypes.OutOfOffice]),
        [SignalTypes.HotLead] = (email => [Create(email, EventKind.Opened, T0), Create(email, EventKind.Clicked, T0.AddHours(1)), Create(email, EventKind.Opened, T0.AddHours(2))],
            [SignalTypes.HotLead]),
        [SignalTypes.CrossChannelEngagement] = (email => [Create(email, EventKind.Opened, T0), LinkedIn(email, "Who else uses this?", T0.AddDays(3))],
            [SignalTypes.CrossChannelEngagement]),
        [SignalTypes.ContactAfterUnsubscribe] = (email => [Create(email, EventKind.Sent, T0), Create(email, EventKind.Unsubscribed, T0.AddDays(1)), Create(email, EventKind.Sent, T0.AddDays(2))],
            [SignalTypes.ContactAfterUnsubscribe]),
        [SignalTypes.ContactAfterBounce] = (email => [Create(email, EventKind.Bounced, T0), Create(email, EventKind.Message, T0.AddDays(1), direction: Direction.Outbound) with { Channel = Channel.LinkedIn }],
            [SignalTypes.ContactAfterBounce]),
    };

    [Theory]
    [MemberData(nameof(RulesAndOrders))]
    public async Task EachRule_FiresItsSignalsOnce_InOrder_OutOfOrder_AndRedelivered(string rule, string order)
    {
        var (make, expected) = Scenarios[rule];
        var events = make(_email);

        var appends = order switch
        {
            "in order" => events.Select(e => new[] { e }),
            "reversed" => events.Reverse().Select(e => new[] { e }),
            _ => events.Select(e => new[] { e }).Concat([events]).Concat(events.Reverse().Select(e => new[] { e })),
        };
        foreach (var append in appends) await Lead.AppendEventsAsync(append);

        Assert.Equal(expected.Order(), (await SignalsAsync()).Select(s => s.Type).Order());
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
    public async Task ASnapshotWrittenBeforeTheRulesKeptTheirFacts_IsNotUsed_SoTheRulesStillSeeTheWholeHistory()
    {
        var opens = Enumerable.Range(0, 2).Select(i => Create(_email, EventKind.Opened, T0.AddHours(i))).ToList();
        await Lead.AppendEventsAsync(opens);
        await Lead.AppendEventsAsync(Enumerable.Range(1, 100).Select(i => Create(_email, EventKind.Sent, T0.AddDays(-i))).ToList());
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await RewriteSnapshotAsync(snapshot =>
        {
            Assert.Equal(LeadSnapshot.CurrentContent, snapshot.Content);
            // As the release before signals wrote it.
            snapshot.SignalEvents.Clear();
            snapshot.Content = 0;
        });

        var third = Create(_email, EventKind.Opened, T0.AddHours(2));
        await Lead.AppendEventsAsync([third]);

        Assert.Equal([opens[0].EventId, opens[1].EventId, third.EventId], Assert.Single(await SignalsAsync(), s => s.Type == SignalTypes.HotLead).Evidence);
        Assert.Equal(103, (await Lead.GetAsync())!.EventCount);
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

    private async Task RewriteSnapshotAsync(Action<LeadSnapshot> change)
    {
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.LeadSnapshots);
        var state = new GrainState<LeadSnapshot>(new LeadSnapshot());
        await storage.ReadStateAsync("lead", Lead.GetGrainId(), state);
        Assert.True(state.RecordExists);
        change(state.State!);
        await storage.WriteStateAsync("lead", Lead.GetGrainId(), state);
    }

    private Task<IReadOnlyList<Signal>> SignalsAsync(string? leadId = null) =>
        Silo.GetRequiredService<ITimelineStore>().ReadLeadSignalsAsync(leadId ?? _leadId);

    private static IEnumerable<string> Shapes(IEnumerable<Signal> signals) =>
        signals.Select(s => $"{s.Id} {s.Type} {string.Join(",", s.Evidence)}").Order();

    private static ConversationEvent LinkedIn(string email, string text, DateTimeOffset at) =>
        Create(email, EventKind.Message, at, direction: Direction.Inbound) with { Channel = Channel.LinkedIn, Text = text };

    private static ConversationEvent Reply(string email, string subject, string text, DateTimeOffset at) =>
        Create(email, EventKind.Replied, at, messageId: $"m-{Guid.NewGuid():N}", direction: Direction.Inbound) with { Subject = subject, Text = text };

    private ConversationEvent LinkedInReply(string text, DateTimeOffset at) => LinkedIn(_email, text, at);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 10_000; waited += 50) await Task.Delay(50);
    }
}
