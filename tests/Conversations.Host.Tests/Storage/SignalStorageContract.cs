using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.Timeline;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// What every store does with signals: they commit in the transaction of the events that trigger them, a signal found
/// again is stored once and reported new once, an append that writes nothing stores no signal, a merge takes the
/// absorbed lead's signals to the survivor, and an unmerge gives back those resting only on the absorbed lead's events.
/// </summary>
public abstract class SignalStorageContract : IAsyncLifetime
{
    private const string Campaign = "salesforge:seq_signals";
    private static readonly DateTimeOffset OccurredAt = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IAsyncDisposable> _stores = [];

    /// <summary>A timeline store and the merges over one fresh database.</summary>
    protected abstract Task<(ITimelineStore Timeline, ILeadMerges Merges)> OpenStoresAsync();

    private ITimelineStore Timeline { get; set; } = null!;
    private ILeadMerges Merges { get; set; } = null!;

    public async Task InitializeAsync()
    {
        (Timeline, Merges) = await OpenStoresAsync();
        if (Timeline is IAsyncDisposable disposable) _stores.Add(disposable);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    [Fact]
    public async Task Signals_CommitWithTheirEvents_AndAreReadByLeadAndByCampaign_InOccurredAtOrder()
    {
        var leadId = LeadId.New();
        var (open, reply) = (Opened(minutes: 0), Opened(minutes: 30));
        var later = Signal(leadId, "positive-reply", [reply.EventId], minutes: 30);
        var earlier = Signal(leadId, "hot-lead", [open.EventId], minutes: 0);

        var outcome = await Timeline.AppendAsync(Append(leadId, [open, reply], later, earlier));

        Assert.Equal([later.Id, earlier.Id], outcome.Signals!.Select(s => s.Id));
        Assert.Equal([Shape(earlier), Shape(later)], Shapes(await Timeline.ReadLeadSignalsAsync(leadId)));
        Assert.Equal([earlier.Id, later.Id], (await Timeline.ReadCampaignSignalsAsync(Campaign)).Where(s => s.LeadId == leadId).Select(s => s.Id));
        Assert.Empty(await Timeline.ReadLeadSignalsAsync(LeadId.New()));
    }

    [Fact]
    public async Task ASignalFoundAgain_IsStoredOnce_AndReportedNewOnce()
    {
        var leadId = LeadId.New();
        var open = Opened(minutes: 0);
        var signal = Signal(leadId, "hot-lead", [open.EventId], minutes: 0);

        var first = await Timeline.AppendAsync(Append(leadId, [open], signal));
        var again = await Timeline.AppendAsync(Append(leadId, [open, Opened(minutes: 5)], signal with { DetectedAt = signal.DetectedAt.AddMinutes(1) }));

        Assert.Single(first.Signals!);
        Assert.Empty(again.Signals!);
        Assert.Equal([Shape(signal)], Shapes(await Timeline.ReadLeadSignalsAsync(leadId)));
    }

    [Fact]
    public async Task AnAppendThatWritesNothing_StoresNoSignal_AndAMergeTakesTheAbsorbedLeadsSignals()
    {
        var (older, newer) = (LeadId.New(), LeadId.New());
        var (olderOpen, newerOpen) = (Opened(minutes: 0), Opened(minutes: 10));
        await Timeline.AppendAsync(Append(older, [olderOpen]));
        var moved = Signal(newer, "hot-lead", [newerOpen.EventId], minutes: 10);
        await Timeline.AppendAsync(Append(newer, [newerOpen], moved));
        await Merges.MergeAsync(new MergeRequest([older, newer], null, MaxAliases: 20));

        var stale = await Timeline.AppendAsync(Append(newer, [Opened(minutes: 20)], Signal(newer, "positive-reply", ["x"], minutes: 20)));

        Assert.True(stale.Misrouted);
        Assert.Empty(await Timeline.ReadLeadSignalsAsync(newer));
        Assert.Equal([Shape(moved with { LeadId = older })], Shapes(await Timeline.ReadLeadSignalsAsync(older)));
    }

    [Fact]
    public async Task AnUnmerge_GivesBackTheSignalsWhoseEvidenceAllWentBack_AndTheMixedOnesStayWithTheSurvivor()
    {
        var (older, newer) = (LeadId.New(), LeadId.New());
        var (olderOpen, newerOpen) = (Opened(minutes: 0), Opened(minutes: 10));
        var olderOwn = Signal(older, "hot-lead", [olderOpen.EventId], minutes: 0);
        var newerOwn = Signal(newer, "hot-lead", [newerOpen.EventId], minutes: 10);
        // Stored with the absorbed lead, so the merge moves it and only its evidence keeps it from going back.
        var mixed = Signal(newer, "cross-channel-engagement", [olderOpen.EventId, newerOpen.EventId], minutes: 10);
        await Timeline.AppendAsync(Append(older, [olderOpen], olderOwn));
        await Timeline.AppendAsync(Append(newer, [newerOpen], newerOwn, mixed));
        await Merges.MergeAsync(new MergeRequest([older, newer], null, MaxAliases: 20));

        await Merges.UnmergeAsync(older, _ => []);

        Assert.Equal([Shape(newerOwn)], Shapes(await Timeline.ReadLeadSignalsAsync(newer)));
        Assert.Equal([Shape(olderOwn), Shape(mixed with { LeadId = older })], Shapes(await Timeline.ReadLeadSignalsAsync(older)));
    }

    /// <summary>A signal as a value (its evidence list compared by content).</summary>
    private static string Shape(Signal signal) => signal with { Evidence = [] } + " " + string.Join(",", signal.Evidence);

    private static IEnumerable<string> Shapes(IEnumerable<Signal> signals) => signals.Select(Shape);

    private static TimelineAppend Append(string leadId, IReadOnlyList<ConversationEvent> events, params Signal[] signals) =>
        new(leadId, leadId, events, [], Signals: signals);

    private static Signal Signal(string leadId, string type, IReadOnlyList<string> evidence, int minutes) =>
        new($"sg_{Guid.NewGuid():N}", type, leadId, Campaign, evidence, OccurredAt.AddMinutes(minutes),
            new DateTimeOffset(2026, 10, 6, 12, 0, 0, TimeSpan.Zero));

    private static ConversationEvent Opened(int minutes) =>
        OpenedEvents.Create("ada@example.test", OccurredAt.AddMinutes(minutes)) with { Campaign = new CampaignRef(Campaign, "Signals test") };
}
