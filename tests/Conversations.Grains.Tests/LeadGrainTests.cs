using Conversations.Testing;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using static Conversations.Grains.Tests.TestEvents;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LeadGrainTests(ClusterFixture fixture)
{
    private ILeadGrain Lead(string email) => fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(KeyOf(email));

    [Fact]
    public async Task Timeline_WhenEventsArriveOutOfOrder_IsInOccurredAtOrder()
    {
        var email = NewEmail();
        var sent = Create(email, EventKind.Sent, T0);
        var replied = Create(email, EventKind.Replied, T0.AddHours(2));
        var opened = Create(email, EventKind.Opened, T0.AddHours(1));

        await Lead(email).AppendEventsAsync([sent]);
        await Lead(email).AppendEventsAsync([replied]);
        await Lead(email).AppendEventsAsync([opened]);

        var timeline = await Lead(email).GetTimelineAsync();
        Assert.Equal([sent.EventId, opened.EventId, replied.EventId], timeline.Select(e => e.Event.EventId));
        Assert.Equal(timeline.Select(e => e.Position).Order(), new[] { timeline[0].Position, timeline[2].Position, timeline[1].Position }.Order());
    }

    [Fact]
    public async Task Append_WhenEventRedelivered_StoresItOnce()
    {
        var email = NewEmail();
        var opened = Create(email, EventKind.Opened, T0);

        var first = await Lead(email).AppendEventsAsync([opened]);
        var second = await Lead(email).AppendEventsAsync([opened with { ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(5) }]);
        var both = await Lead(email).AppendEventsAsync([opened, opened]);

        Assert.Equal(new AppendResult(1, 0), first);
        Assert.Equal(new AppendResult(0, 1), second);
        Assert.Equal(0, both.Applied);
        Assert.Single(await Lead(email).GetTimelineAsync());
        Assert.Equal(1, (await Lead(email).GetAsync())!.Counts[EventKind.Opened]);
    }

    [Fact]
    public async Task Get_AfterEvents_DerivesStatusCountsActivityAndSentiment()
    {
        var email = NewEmail();
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Sent, T0)]);
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Replied, T0.AddDays(1), messageId: "r1", direction: Direction.Inbound)]);
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Opened, T0.AddHours(3))]);
        await Lead(email).AppendEventsAsync([Create(email, EventKind.ReplyClassified, T0.AddDays(1).AddMinutes(1), messageId: "r1", sentiment: ReplySentiment.Positive)]);

        var lead = await Lead(email).GetAsync();

        Assert.NotNull(lead);
        Assert.Equal(LeadStatus.Replied, lead.Status);
        Assert.Equal(T0, lead.FirstActivityAt);
        Assert.Equal(T0.AddDays(1).AddMinutes(1), lead.LastActivityAt);
        Assert.Equal(4, lead.EventCount);
        Assert.Equal(1, lead.Counts[EventKind.Replied]);
        Assert.Equal(1, lead.Counts[EventKind.ReplyClassified]);
        Assert.Equal(ReplySentiment.Positive, lead.LatestReplySentiment);
        Assert.Equal([email], lead.Emails);
    }

    [Fact]
    public async Task Get_WhenLeadHasNoEvents_ReturnsNull()
    {
        Assert.Null(await Lead(NewEmail()).GetAsync());
        Assert.Empty(await Lead(NewEmail()).GetTimelineAsync());
    }

    [Fact]
    public async Task Status_WhenBounceArrivesBeforeOpen_StaysBounced()
    {
        var email = NewEmail();
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Bounced, T0.AddHours(1))]);
        await Lead(email).AppendEventsAsync([Create(email, EventKind.Opened, T0)]);

        Assert.Equal(LeadStatus.Bounced, (await Lead(email).GetAsync())!.Status);
    }

    [Fact]
    public async Task Reactivation_OfALongTimeline_RestoresStateFromSnapshotAndLogTail()
    {
        var email = NewEmail();
        var early = Enumerable.Range(0, 100).Select(i => Create(email, EventKind.Opened, T0.AddMinutes(i))).ToList();
        await Lead(email).AppendEventsAsync(early);
        for (var i = 0; i < 10; i++) await Lead(email).AppendEventsAsync([Create(email, EventKind.Clicked, T0.AddMinutes(-i))]);
        var before = await Lead(email).GetAsync();

        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await Lead(email).GetAsync();

        Assert.NotNull(after);
        Assert.Equal(110, after.EventCount);
        Assert.Equal(100, after.Counts[EventKind.Opened]);
        Assert.Equal(10, after.Counts[EventKind.Clicked]);
        Assert.Equal(T0.AddMinutes(-9), after.FirstActivityAt);
        Assert.Equal(before!.LastActivityAt, after.LastActivityAt);
    }

    [Fact]
    public async Task AfterAMerge_TheSurvivorsStateHoldsBothTimelines_WhetherActiveOrRestoredFromASnapshot()
    {
        var (older, newer) = (LeadId.New(), LeadId.New());
        var email = NewEmail();
        var survivor = fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(older);
        await survivor.AppendEventsAsync([Create(email, EventKind.Opened, T0)]);
        await fixture.Cluster.GrainFactory.GetGrain<ILeadGrain>(newer).AppendEventsAsync(
            [Create(NewEmail(), EventKind.Clicked, T0.AddMinutes(-2)), Create(NewEmail(), EventKind.Clicked, T0.AddMinutes(-1))]);
        // Enough that the survivor writes a snapshot covering positions past the newer lead's rows, which the merge
        // then moves in below it: replaying only the log after the snapshot would miss them.
        await survivor.AppendEventsAsync(Enumerable.Range(1, 99).Select(i => Create(email, EventKind.Opened, T0.AddMinutes(i))).ToList());
        var merges = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<ILeadMerges>();

        await merges.MergeAsync(new MergeRequest([older, newer], null, MaxAliases: 20));
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var restored = await survivor.GetAsync();
        await survivor.AppendEventsAsync([Create(email, EventKind.Replied, T0.AddDays(1))]);
        var active = await survivor.GetAsync();

        Assert.Equal(102, restored?.EventCount);
        Assert.Equal(103, active?.EventCount);
        foreach (var lead in new[] { restored!, active! })
        {
            Assert.Equal(2, lead.Counts[EventKind.Clicked]);
            Assert.Equal(T0.AddMinutes(-2), lead.FirstActivityAt);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(150)]
    public async Task FirstAppendAfterReactivation_RestoresThePriorTimeline(int priorEvents)
    {
        var email = NewEmail();
        await Lead(email).AppendEventsAsync(Enumerable.Range(0, priorEvents).Select(i => Create(email, EventKind.Opened, T0.AddMinutes(i))).ToList());
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var result = await Lead(email).AppendEventsAsync([Create(email, EventKind.Clicked, T0.AddDays(1))]);
        var lead = await Lead(email).GetAsync();

        Assert.Equal(new AppendResult(1, 0), result);
        Assert.Equal(priorEvents + 1, lead!.EventCount);
        Assert.Equal(priorEvents, lead.Counts[EventKind.Opened]);
        Assert.Equal(LeadStatus.Engaged, lead.Status);
        Assert.Equal(T0, lead.FirstActivityAt);
        Assert.Equal(T0.AddDays(1), lead.LastActivityAt);
    }
}
