using System.Text;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.Timeline;
using Conversations.Storage.Archive;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// What every store does with a delivery's writes: the raw delivery and its events commit in one transaction, and
/// a value the store refuses costs only the append (or archived delivery) that holds it, never the others batched with it.
/// </summary>
public abstract class AppendCommitContract : IAsyncLifetime
{
    private static readonly DateTimeOffset OccurredAt = new(2026, 9, 14, 7, 0, 0, TimeSpan.Zero);

    private (ITimelineStore Timeline, IDeliveryArchive Archive)? _stores;

    protected ITimelineStore Timeline => (_stores ?? throw new InvalidOperationException("Not initialized.")).Timeline;
    protected IDeliveryArchive Archive => (_stores ?? throw new InvalidOperationException("Not initialized.")).Archive;

    /// <summary>A timeline store and an archive over one fresh database, batching up to 64 items with one writer.</summary>
    protected abstract Task<(ITimelineStore Timeline, IDeliveryArchive Archive)> CreateStoresAsync();

    /// <summary>Whether the store refuses U+0000 in text (PostgreSQL does, SQLite does not).</summary>
    protected abstract bool RefusesNulInText { get; }

    public async Task InitializeAsync() => _stores = await CreateStoresAsync();

    public virtual async Task DisposeAsync()
    {
        if (Timeline is IAsyncDisposable timeline) await timeline.DisposeAsync();
        if (Archive is IAsyncDisposable archive) await archive.DisposeAsync();
    }

    [Fact]
    public async Task AppendWithItsDelivery_ArchivesTheDeliveryWithTheEvents()
    {
        var email = NewEmail();
        var marker = Guid.NewGuid().ToString("N");

        var outcome = await Timeline.AppendAsync(Append(email, Delivery(marker), OpenedEvents.Create(email, OccurredAt)));

        Assert.Single(outcome.Applied);
        var archived = Assert.Single(await ArchivedAsync(marker));
        Assert.Equal("accepted", archived.Outcome);
        Assert.Equal(marker, Encoding.UTF8.GetString(archived.Body.Span));
    }

    [Fact]
    public async Task RefusedAppend_FailsAlone_AndArchivesNothing_WhileTheOthersInItsBatchCommit()
    {
        var poisonMarker = Guid.NewGuid().ToString("N");
        var good = Enumerable.Range(0, 40).Select(_ => (Email: NewEmail(), Marker: Guid.NewGuid().ToString("N"))).ToList();
        // An event without an id breaks a NOT NULL constraint on every store.
        var poison = OpenedEvents.Create(NewEmail(), OccurredAt) with { EventId = null! };

        var appends = good.Select(g => Timeline.AppendAsync(Append(g.Email, Delivery(g.Marker), OpenedEvents.Create(g.Email, OccurredAt)))).ToList();
        var refused = Timeline.AppendAsync(Append(poison.Lead.Email!, Delivery(poisonMarker), poison));
        appends.AddRange(good.Select(g => Timeline.AppendAsync(Append(g.Email, null, OpenedEvents.Create(g.Email, OccurredAt.AddMinutes(1))))));

        var failure = await Assert.ThrowsAsync<ValueRefusedByStoreException>(() => refused);
        Assert.Contains("sending it again will not help", failure.Message);
        var outcomes = await Task.WhenAll(appends);
        Assert.All(outcomes, outcome => Assert.Single(outcome.Applied));
        Assert.Empty(await ArchivedAsync(poisonMarker));
        foreach (var (_, marker) in good) Assert.Single(await ArchivedAsync(marker));
    }

    [Fact]
    public async Task NulInText_IsStoredOrRefusedAlone()
    {
        var email = NewEmail();
        var marker = Guid.NewGuid().ToString("N");
        var withNul = OpenedEvents.Create(email, OccurredAt) with { Text = "before\0after" };
        var neighbours = Enumerable.Range(0, 20).Select(_ => NewEmail()).ToList();

        var appended = Timeline.AppendAsync(Append(email, Delivery(marker), withNul));
        var others = neighbours.Select(e => Timeline.AppendAsync(Append(e, null, OpenedEvents.Create(e, OccurredAt)))).ToList();

        if (RefusesNulInText)
        {
            await Assert.ThrowsAsync<ValueRefusedByStoreException>(() => appended);
            Assert.Empty(await ArchivedAsync(marker));
        }
        else
        {
            Assert.Single((await appended).Applied);
            Assert.Single(await ArchivedAsync(marker));
        }
        Assert.All(await Task.WhenAll(others), outcome => Assert.Single(outcome.Applied));
    }

    [Fact]
    public async Task RefusedArchiveDelivery_FailsAlone()
    {
        var markers = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid().ToString("N")).ToList();

        var stored = markers.Select(marker => Archive.StoreAsync(Delivery(marker, outcome: "ignored"))).ToList();
        var refused = Archive.StoreAsync(Delivery("no provider", outcome: "ignored") with { Provider = null! });

        await Assert.ThrowsAsync<ValueRefusedByStoreException>(() => refused);
        Assert.Equal(markers.Count, (await Task.WhenAll(stored)).Distinct().Count());
        foreach (var marker in markers) Assert.Single(await ArchivedAsync(marker));
    }

    private static TimelineAppend Append(string email, RawDelivery? delivery, params ConversationEvent[] events) =>
        new($"email:{email}", $"email:{email}", events, [], Delivery: delivery);

    /// <summary>A delivery whose body is <paramref name="marker"/>, so a test finds its own among the archived ones.</summary>
    private static RawDelivery Delivery(string marker, string outcome = "accepted") => new(
        "salesforge", DateTimeOffset.UtcNow, "application/json", new Dictionary<string, string> { ["User-Agent"] = "contract-test" },
        Encoding.UTF8.GetBytes(marker), outcome);

    private async Task<List<RawDelivery>> ArchivedAsync(string marker)
    {
        var found = new List<RawDelivery>();
        long after = 0;
        while (await Archive.ReadAsync(new DeliveryFilter("salesforge", null, null), after, 500) is { Count: > 0 } page)
        {
            found.AddRange(page.Select(d => d.Delivery).Where(d => Encoding.UTF8.GetString(d.Body.Span) == marker));
            after = page[^1].Id;
        }
        return found;
    }

    private static string NewEmail() => $"lead-{Guid.NewGuid():N}@fabrikam.example";
}
