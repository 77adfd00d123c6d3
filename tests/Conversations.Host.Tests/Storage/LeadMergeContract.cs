using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Leads;
using Conversations.Grains.Signals;
using Conversations.Host.Tests.Timeline;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// What every store does when two leads turn out to be one person: one transaction moves aliases, rows and funnel
/// marks to the older lead and records it; the absorbed id keeps resolving; nothing is ever written to an absorbed
/// lead, even by appends racing the merge; an unmerge puts everything back, and the leads stay apart.
/// </summary>
public abstract class LeadMergeContract : IAsyncLifetime
{
    private const string Campaign = "salesforge:seq_merge";
    private static readonly DateTimeOffset OccurredAt = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IAsyncDisposable> _stores = [];

    /// <summary>The stores over one fresh database (the same one on every call of a test: a second call is a second silo).</summary>
    protected abstract Task<(ITimelineStore Timeline, ILeadDirectory Directory, ILeadMerges Merges)> OpenStoresAsync();

    private ITimelineStore Timeline { get; set; } = null!;
    private ILeadDirectory Directory { get; set; } = null!;
    private ILeadMerges Merges { get; set; } = null!;

    public async Task InitializeAsync() => (Timeline, Directory, Merges) = await OpenTrackedAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    [Fact]
    public async Task AMerge_MovesAliasesRowsAndFunnelMarksToTheOlderLead_AndTheAbsorbedIdResolvesToIt()
    {
        var (older, newer) = await TwoLeadsAsync();

        var merge = await Merges.MergeAsync(new MergeRequest([newer.Id, older.Id], "test:event", MaxAliases: 20));

        Assert.Equal(older.Id, merge.SurvivorId);
        Assert.Equal([newer.Id], merge.AbsorbedIds);
        Assert.Equal([newer.Alias], merge.MovedAliases);
        Assert.False(merge.Refused);
        Assert.Equal(new Dictionary<string, string> { [older.Alias] = older.Id, [newer.Alias] = older.Id }, await Directory.FindAsync([older.Alias, newer.Alias]));
        Assert.Empty(await Directory.AliasesOfAsync(newer.Id));
        Assert.Empty(await Timeline.ReadAsync(newer.Id));
        var timeline = await Timeline.ReadAsync(older.Id);
        Assert.Equal([older.EventId, newer.EventId], timeline.Where(e => e.Event.Channel != Channel.System).Select(e => e.Event.EventId));
        var marker = Assert.Single(timeline, e => e.Event.Kind == EventKind.LeadMerged);
        Assert.Contains(newer.Id, marker.Event.Text);
        // Both leads opened the campaign: the merged lead counts once; only the newer one replied.
        var funnel = (await Timeline.ReadCampaignAsync(Campaign))!.UniqueLeads;
        Assert.Equal(1, funnel[FunnelStage.Opened]);
        Assert.Equal(1, funnel[FunnelStage.Replied]);
        Assert.Equal(older.Id, await Merges.SurvivorOfAsync(newer.Id));
        Assert.Equal(older.Id, await Merges.SurvivorOfAsync(older.Id));
        Assert.Equal(1, await Timeline.GenerationOfAsync(older.Id));
        Assert.Equal(1, await Timeline.GenerationOfAsync(newer.Id));
    }

    [Fact]
    public async Task AnAppendToAnAbsorbedLead_WritesNothing_AndAnAppendToTheSurvivorLearnsItsGeneration()
    {
        var (older, newer) = await TwoLeadsAsync();
        await Merges.MergeAsync(new MergeRequest([older.Id, newer.Id], null, MaxAliases: 20));

        var stale = await Timeline.AppendAsync(new TimelineAppend(newer.Id, newer.Alias, [Opened(minutes: 30)], []));
        var routed = await Timeline.AppendAsync(new TimelineAppend(older.Id, newer.Alias, [Opened(minutes: 31)], []));
        var again = await Merges.MergeAsync(new MergeRequest([newer.Id, older.Id], null, MaxAliases: 20));

        Assert.True(stale.Misrouted);
        Assert.Empty(await Timeline.ReadAsync(newer.Id));
        Assert.False(routed.Misrouted);
        Assert.Equal(1, routed.Generation);
        Assert.Equal(0, (await Timeline.AppendAsync(new TimelineAppend(LeadId.New(), "email:x@example.test", [Opened()], []))).Generation);
        Assert.Equal(older.Id, again.SurvivorId);
        Assert.Empty(again.AbsorbedIds);
    }

    [Fact]
    public async Task AMergeOverTheAliasLimit_IsRefused_MovesNothing_AndTheTimelineSaysSoOnce()
    {
        var (older, newer) = await TwoLeadsAsync();

        var refused = await Merges.MergeAsync(new MergeRequest([older.Id, newer.Id], null, MaxAliases: 1));
        var refusedAgain = await Merges.MergeAsync(new MergeRequest([newer.Id, older.Id], null, MaxAliases: 1));

        Assert.Equal(MergeRefusal.TooManyAliases, refused.Refusal);
        Assert.Equal(MergeRefusal.TooManyAliases, refusedAgain.Refusal);
        Assert.Equal(older.Id, refused.SurvivorId);
        Assert.Equal(newer.Id, (await Directory.FindAsync([newer.Alias]))[newer.Alias]);
        Assert.Single(await Timeline.ReadAsync(newer.Id));
        var marker = Assert.Single(await Timeline.ReadAsync(older.Id), e => e.Event.Kind == EventKind.MergeRefused);
        Assert.Contains("more than the 1 allowed", marker.Event.Text);
        Assert.Equal(newer.Id, await Merges.SurvivorOfAsync(newer.Id));
    }

    [Fact]
    public async Task AnUnmerge_PutsBackAliasesRowsAndFunnelMarks_WithTheRowsThatArrivedSinceUnderTheAbsorbedAliases()
    {
        var (older, newer) = await TwoLeadsAsync();
        await Merges.MergeAsync(new MergeRequest([older.Id, newer.Id], null, MaxAliases: 20));
        var viaNewerAlias = Opened(minutes: 40, campaign: true);
        var viaOlderAlias = Opened(minutes: 41);
        await Timeline.AppendAsync(new TimelineAppend(older.Id, newer.Alias, [viaNewerAlias], []));
        await Timeline.AppendAsync(new TimelineAppend(older.Id, older.Alias, [viaOlderAlias], []));

        var unmerge = await Merges.UnmergeAsync(newer.Id, MarksOf);

        Assert.NotNull(unmerge);
        Assert.Equal(older.Id, unmerge.SurvivorId);
        var restored = Assert.Single(unmerge.Restored);
        Assert.Equal(newer.Id, restored.LeadId);
        Assert.Equal([newer.Alias], restored.Aliases);
        Assert.Equal(new Dictionary<string, string> { [older.Alias] = older.Id, [newer.Alias] = newer.Id }, await Directory.FindAsync([older.Alias, newer.Alias]));
        Assert.Equal([newer.EventId, viaNewerAlias.EventId], PersonEvents(await Timeline.ReadAsync(newer.Id)));
        Assert.Equal([older.EventId, viaOlderAlias.EventId], PersonEvents(await Timeline.ReadAsync(older.Id)));
        Assert.Single(await Timeline.ReadAsync(newer.Id), e => e.Event.Kind == EventKind.LeadUnmerged);
        Assert.Single(await Timeline.ReadAsync(older.Id), e => e.Event.Kind == EventKind.LeadUnmerged);
        // Counted again from each lead's events: the older opened, the newer replied and (since) opened.
        var funnel = (await Timeline.ReadCampaignAsync(Campaign))!.UniqueLeads;
        Assert.Equal(2, funnel[FunnelStage.Opened]);
        Assert.Equal(1, funnel[FunnelStage.Replied]);
        Assert.Equal(newer.Id, await Merges.SurvivorOfAsync(newer.Id));
        Assert.Equal(2, await Timeline.GenerationOfAsync(older.Id));
    }

    [Fact]
    public async Task AfterAnUnmerge_TheLeadsAreNotMergedAgain_AndARouteFromBeforeItIsRefused()
    {
        var (older, newer) = await TwoLeadsAsync();
        await Merges.MergeAsync(new MergeRequest([older.Id, newer.Id], null, MaxAliases: 20));
        await Merges.UnmergeAsync(older.Id, MarksOf);

        var again = await Merges.MergeAsync(new MergeRequest([older.Id, newer.Id], null, MaxAliases: 20));
        var staleRoute = await Timeline.AppendAsync(new TimelineAppend(older.Id, newer.Alias, [Opened(minutes: 50)], []));

        Assert.Equal(MergeRefusal.UnmergedBefore, again.Refusal);
        Assert.Equal(newer.Id, (await Directory.FindAsync([newer.Alias]))[newer.Alias]);
        Assert.True(staleRoute.Misrouted);
        Assert.Null(await Merges.UnmergeAsync(older.Id, MarksOf));
        Assert.Null(await Merges.UnmergeAsync(LeadId.New(), MarksOf));
    }

    [Fact]
    public async Task AppendsRacingAMerge_NeverLeaveARowOnTheAbsorbedLead_InOneStoreAndAcrossTwo()
    {
        var (secondTimeline, _, secondMerges) = await OpenTrackedAsync();
        for (var round = 0; round < 10; round++)
        {
            var (older, newer) = await TwoLeadsAsync();
            var merges = round % 2 == 0 ? Merges : secondMerges;
            var racing = Enumerable.Range(0, 6).Select(i => Opened(minutes: 60 + i)).ToList();

            var appends = racing.Select((e, i) => (i % 2 == 0 ? Timeline : secondTimeline).AppendAsync(new TimelineAppend(newer.Id, newer.Alias, [e], []))).ToList();
            var merge = merges.MergeAsync(new MergeRequest([older.Id, newer.Id], null, MaxAliases: 20));
            var outcomes = await Task.WhenAll(appends);
            await merge;

            Assert.Empty(await Timeline.ReadAsync(newer.Id));
            var survivorEvents = PersonEvents(await Timeline.ReadAsync(older.Id)).ToHashSet();
            for (var i = 0; i < racing.Count; i++)
                Assert.Equal(!outcomes[i].Misrouted, survivorEvents.Contains(racing[i].EventId));
        }
    }

    private async Task<(Lead Older, Lead Newer)> TwoLeadsAsync()
    {
        var older = new Lead(LeadId.New(), $"email:{Guid.NewGuid():N}@example.test", Opened(campaign: true));
        await Timeline.AppendAsync(new TimelineAppend(older.Id, older.Alias, [older.Event], [Mark(FunnelStage.Opened)], Claims: [older.Alias]));
        var newer = new Lead(LeadId.New(), $"linkedin:ada-{Guid.NewGuid():N}", Opened(minutes: 10, campaign: true) with { Kind = EventKind.Replied });
        await Timeline.AppendAsync(new TimelineAppend(newer.Id, newer.Alias, [newer.Event], [Mark(FunnelStage.Opened), Mark(FunnelStage.Replied)], Claims: [newer.Alias]));
        return (older, newer);
    }

    private sealed record Lead(string Id, string Alias, ConversationEvent Event)
    {
        public string EventId => Event.EventId;
    }

    private static FunnelMark Mark(FunnelStage stage) => new(Campaign, "Merge test", stage);

    /// <summary>The funnel marks the lead grains derive from events.</summary>
    private static IReadOnlyList<FunnelMark> MarksOf(IReadOnlyList<ConversationEvent> events) => FunnelMarks.For(new LeadSnapshot(), events, ReplyIntentClassifier.Default);

    private static IEnumerable<string> PersonEvents(IReadOnlyList<TimelineEntry> timeline) =>
        timeline.Where(e => e.Event.Channel != Channel.System).Select(e => e.Event.EventId);

    private static ConversationEvent Opened(int minutes = 0, bool campaign = false) =>
        OpenedEvents.Create("ada@example.test", OccurredAt.AddMinutes(minutes)) with { Campaign = campaign ? new CampaignRef(Campaign, "Merge test") : null };

    private async Task<(ITimelineStore Timeline, ILeadDirectory Directory, ILeadMerges Merges)> OpenTrackedAsync()
    {
        var stores = await OpenStoresAsync();
        foreach (var store in new object[] { stores.Timeline, stores.Directory })
        {
            if (store is IAsyncDisposable disposable) _stores.Add(disposable);
        }
        return stores;
    }
}
