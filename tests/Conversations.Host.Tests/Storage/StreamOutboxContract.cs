using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.Timeline;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// What every store keeps in its stream outbox: each commit that stores new events or signals records them in the same
/// transaction and hands them to the relay at once; an entry nobody acknowledged is claimed again once due, read back
/// from the tables, and leased while it is being published; an acknowledged entry is gone.
/// </summary>
public abstract class StreamOutboxContract : IAsyncLifetime
{
    /// <summary>Short, so that entries fall due within a test; long enough that a busy machine claims before it.</summary>
    protected static readonly OutboxOptions Options = new() { RetryAfterSeconds = 2 };

    private static readonly DateTimeOffset OccurredAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(5);

    private readonly List<IAsyncDisposable> _stores = [];

    /// <summary>A timeline store and its outbox over one fresh database, sharing <paramref name="feed"/>.</summary>
    protected abstract Task<(ITimelineStore Timeline, IStreamOutbox Outbox)> OpenStoresAsync(OutboxFeed feed);

    private ITimelineStore Timeline { get; set; } = null!;
    private IStreamOutbox Outbox { get; set; } = null!;

    public async Task InitializeAsync()
    {
        (Timeline, Outbox) = await OpenStoresAsync(new OutboxFeed(Options));
        if (Timeline is IAsyncDisposable disposable) _stores.Add(disposable);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    [Fact]
    public async Task ACommit_HandsOverItsNewEventsAndSignals_AndARedeliveryHandsOverNothing()
    {
        var leadId = LeadId.New();
        var (open, reply) = (Opened(leadId, minutes: 0), Opened(leadId, minutes: 30));
        var signal = Signal(leadId, [reply.EventId]);

        await Timeline.AppendAsync(Append(leadId, [open, reply], signal));
        await Timeline.AppendAsync(Append(leadId, [open, reply], signal));

        var entry = Assert.Single(Drain());
        Assert.Equal([(leadId, open.EventId), (leadId, reply.EventId)], entry.Events.Select(e => (e.LeadId, e.Event.EventId)));
        Assert.Equal([signal.Id], entry.Signals.Select(s => s.Id));
    }

    [Fact]
    public async Task AnEntryNobodyAcknowledged_IsClaimedOnceDue_ReadBackFromTheTables_AndLeasedMeanwhile()
    {
        var leadId = LeadId.New();
        var open = Opened(leadId, minutes: 0);
        var signal = Signal(leadId, [open.EventId]);
        await Timeline.AppendAsync(Append(leadId, [open], signal));
        var committed = Assert.Single(Drain());

        var beforeDue = await Outbox.ClaimOverdueAsync(10, LongLease);
        var due = await EventuallyClaimedAsync();
        var whileLeased = await Outbox.ClaimOverdueAsync(10, LongLease);

        Assert.Empty(beforeDue);
        Assert.Equal(committed.Id, due.Id);
        var (claimedLead, claimedEvent) = Assert.Single(due.Events);
        Assert.Equal(leadId, claimedLead);
        Assert.Equal(open, claimedEvent);
        var claimedSignal = Assert.Single(due.Signals);
        Assert.Equal(signal with { Evidence = [] }, claimedSignal with { Evidence = [] });
        Assert.Equal(signal.Evidence, claimedSignal.Evidence);
        Assert.Empty(whileLeased);
    }

    [Fact]
    public async Task AClaimWhoseLeaseRanOut_IsClaimedAgain_AndAnAcknowledgedEntryNever()
    {
        var (first, second) = (LeadId.New(), LeadId.New());
        await Timeline.AppendAsync(Append(first, [Opened(first, minutes: 0)]));
        await Timeline.AppendAsync(Append(second, [Opened(second, minutes: 0)]));
        var entries = Drain();
        await Outbox.AcknowledgeAsync([entries[1].Id]);

        var claimed = await EventuallyClaimedAsync(lease: TimeSpan.FromMilliseconds(300));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var again = await Outbox.ClaimOverdueAsync(10, LongLease);
        await Outbox.AcknowledgeAsync([claimed.Id]);
        await Task.Delay(Options.RetryAfter * 2);
        var afterAcknowledged = await Outbox.ClaimOverdueAsync(10, LongLease);

        Assert.Equal(entries[0].Id, claimed.Id);
        Assert.Equal([entries[0].Id], again.Select(e => e.Id));
        Assert.Empty(afterAcknowledged);
    }

    private List<OutboxEntry> Drain()
    {
        var entries = new List<OutboxEntry>();
        while (Outbox.Feed.Reader.TryRead(out var entry)) entries.Add(entry);
        return entries;
    }

    private async Task<OutboxEntry> EventuallyClaimedAsync(TimeSpan? lease = null)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await Outbox.ClaimOverdueAsync(10, lease ?? LongLease) is [var entry]) return entry;
            await Task.Delay(100);
        }
        throw new TimeoutException("No outbox entry fell due within 10 s.");
    }

    private static TimelineAppend Append(string leadId, IReadOnlyList<ConversationEvent> events, params Signal[] signals) =>
        new(leadId, leadId, events, [], Signals: signals);

    private static Signal Signal(string leadId, IReadOnlyList<string> evidence) =>
        new($"sg_{Guid.NewGuid():N}", "positive-reply", leadId, null, evidence, OccurredAt, new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));

    private static ConversationEvent Opened(string leadId, int minutes) =>
        OpenedEvents.Create($"{leadId}@example.test", OccurredAt.AddMinutes(minutes));
}
