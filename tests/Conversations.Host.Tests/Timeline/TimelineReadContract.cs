using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Tests.Timeline;

/// <summary>
/// What every timeline store does for the query API: pages in occurred-at order (ties in arrival order) with a
/// keyset cursor, and answers "is anything recorded for this lead" without reading its events.
/// </summary>
public abstract class TimelineReadContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 14, 7, 0, 0, TimeSpan.Zero);

    private ITimelineStore? _store;

    protected ITimelineStore Store => _store ?? throw new InvalidOperationException("The store is not created yet.");

    protected abstract Task<ITimelineStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable) await disposable.DisposeAsync();
    }

    [Fact]
    public async Task ReadPage_AcrossSeveralPages_ReturnsEveryEventOnceInOccurredAtOrder()
    {
        var email = NewEmail();
        // Out of time order, with ties (three per minute), offsets that differ from UTC, and a sub-microsecond part
        // that PostgreSQL rounds away: the cursor must compare with what is stored, not with what was sent.
        var appended = new List<ConversationEvent>();
        for (var i = 0; i < 23; i++)
        {
            var utc = T0.AddMinutes(i * 7 % 8).AddTicks(3);
            appended.Add(await AppendAsync(email, utc.ToOffset(TimeSpan.FromHours(i % 2 == 0 ? 2 : -5))));
        }
        await AppendAsync(NewEmail(), T0.AddMinutes(3));
        var expected = appended.Select((e, arrival) => (e, arrival))
            .OrderBy(x => x.e.OccurredAt.UtcTicks).ThenBy(x => x.arrival).Select(x => x.e.EventId).ToList();

        var pages = await ReadAllPagesAsync(LeadKey.From(email, null, null)!, limit: 4);

        Assert.Equal([4, 4, 4, 4, 4, 3], pages.Select(p => p.Entries.Count));
        Assert.All(pages[..^1], page => Assert.NotNull(page.Next));
        Assert.Null(pages[^1].Next);
        Assert.Equal(expected, pages.SelectMany(p => p.Entries).Select(e => e.Event.EventId));
    }

    [Fact]
    public async Task ReadPage_WhenTheLastPageIsFull_HasNoNextCursor()
    {
        var email = NewEmail();
        for (var i = 0; i < 8; i++) await AppendAsync(email, T0.AddMinutes(i));

        var pages = await ReadAllPagesAsync(LeadKey.From(email, null, null)!, limit: 4);

        Assert.Equal([4, 4], pages.Select(p => p.Entries.Count));
        Assert.Null(pages[^1].Next);
    }

    [Fact]
    public async Task ReadPage_OfAnUnknownLead_IsEmpty_AndALimitBelowOneIsRefused()
    {
        await AppendAsync(NewEmail(), T0);

        var page = await Store.ReadPageAsync(LeadKey.From(NewEmail(), null, null)!, after: null, limit: 10);

        Assert.Empty(page.Entries);
        Assert.Null(page.Next);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadPageAsync("email:a@example.test", null, 0));
    }

    [Fact]
    public async Task Exists_IsFalseForAnUnknownLead_AndTrueOnceItHasAnEvent()
    {
        var email = NewEmail();
        var key = LeadKey.From(email, null, null)!;
        await AppendAsync(NewEmail(), T0);

        Assert.False(await Store.ExistsAsync(key));
        await AppendAsync(email, T0);
        Assert.True(await Store.ExistsAsync(key));
    }

    private async Task<List<TimelinePage>> ReadAllPagesAsync(string leadKey, int limit)
    {
        var pages = new List<TimelinePage>();
        TimelineCursor? cursor = null;
        do
        {
            var page = await Store.ReadPageAsync(leadKey, cursor, limit);
            pages.Add(page);
            cursor = page.Next;
            Assert.True(pages.Count <= 100, "paging does not end");
        }
        while (cursor is not null);
        return pages;
    }

    private async Task<ConversationEvent> AppendAsync(string email, DateTimeOffset occurredAt)
    {
        var @event = OpenedEvents.Create(email, occurredAt);
        var outcome = await Store.AppendAsync(new TimelineAppend(LeadKey.From(email, null, null)!, LeadKey.From(email, null, null)!, [@event], []));
        Assert.Single(outcome.Applied);
        return @event;
    }

    private static string NewEmail() => $"lead-{Guid.NewGuid():N}@example.test";
}
