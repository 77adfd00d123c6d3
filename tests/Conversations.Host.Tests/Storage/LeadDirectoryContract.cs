using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Tests.Timeline;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// What every store does with alias claims: they commit with the events that carry them, an alias has one lead
/// (the store's unique key decides races, also between two store instances over one database, as two silos have),
/// and an append whose claim loses writes nothing while the others batched with it commit.
/// </summary>
public abstract class LeadDirectoryContract : IAsyncLifetime
{
    private static readonly DateTimeOffset OccurredAt = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IAsyncDisposable> _stores = [];

    /// <summary>A timeline store and the directory over one fresh database (the same one on every call of a test).</summary>
    protected abstract Task<(ITimelineStore Timeline, ILeadDirectory Directory)> OpenStoresAsync();

    protected ITimelineStore Timeline { get; private set; } = null!;
    protected ILeadDirectory Directory { get; private set; } = null!;

    public async Task InitializeAsync() => (Timeline, Directory) = await OpenTrackedAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    [Fact]
    public async Task Claims_CommitWithTheirEvents_AndTheDirectoryAnswersForEveryAlias()
    {
        var person = NewPerson();
        var leadId = LeadId.New();

        var outcome = await Timeline.AppendAsync(Append(leadId, person.Email, [person.Email, person.Contact], Opened(person)));

        Assert.False(outcome.Misrouted);
        Assert.Single(outcome.Applied);
        var found = await Directory.FindAsync([person.Email, person.Contact, "email:nobody@example.test"]);
        Assert.Equal(new Dictionary<string, string> { [person.Email] = leadId, [person.Contact] = leadId }, found);
        Assert.Equal([person.Email, person.Contact], (await Directory.AliasesOfAsync(leadId)).Order(StringComparer.Ordinal));
        Assert.Empty(await Directory.AliasesOfAsync(LeadId.New()));
    }

    [Fact]
    public async Task AClaimOfAnAliasAnotherLeadHolds_WritesNothing()
    {
        var person = NewPerson();
        var holder = LeadId.New();
        await Timeline.AppendAsync(Append(holder, person.Email, [person.Email], Opened(person)));
        var latecomer = LeadId.New();
        var newAlias = $"phone:+3161{Random.Shared.Next(1_000_000, 9_999_999)}";

        var outcome = await Timeline.AppendAsync(Append(latecomer, person.Email, [person.Email, newAlias], Opened(person, minutes: 5)));

        Assert.True(outcome.Misrouted);
        Assert.Empty(outcome.Applied);
        Assert.Empty(await Timeline.ReadAsync(latecomer));
        Assert.Empty(await Directory.FindAsync([newAlias]));
        Assert.Equal(holder, (await Directory.FindAsync([person.Email]))[person.Email]);
    }

    [Fact]
    public async Task ALeadClaimingAnAliasItHolds_Commits()
    {
        var person = NewPerson();
        var leadId = LeadId.New();
        await Timeline.AppendAsync(Append(leadId, person.Email, [person.Email], Opened(person)));

        var again = await Timeline.AppendAsync(Append(leadId, person.Email, [person.Email, person.Contact], Opened(person, minutes: 1)));

        Assert.False(again.Misrouted);
        Assert.Single(again.Applied);
        Assert.Equal(2, (await Directory.AliasesOfAsync(leadId)).Count);
    }

    [Fact]
    public async Task ALosingClaim_CostsOnlyItsOwnAppend_NotTheOthersBatchedWithIt()
    {
        var contested = NewPerson();
        var holder = LeadId.New();
        await Timeline.AppendAsync(Append(holder, contested.Email, [contested.Email], Opened(contested)));
        var others = Enumerable.Range(0, 30).Select(_ => (Person: NewPerson(), LeadId: LeadId.New())).ToList();

        var appends = others.Select(o => Timeline.AppendAsync(Append(o.LeadId, o.Person.Email, [o.Person.Email, o.Person.Contact], Opened(o.Person)))).ToList();
        var loser = Timeline.AppendAsync(Append(LeadId.New(), contested.Email, [contested.Email, contested.Contact], Opened(contested, minutes: 2)));
        var outcomes = await Task.WhenAll(appends);

        Assert.True((await loser).Misrouted);
        Assert.All(outcomes, outcome => Assert.Single(outcome.Applied));
        var found = await Directory.FindAsync(others.SelectMany(o => new[] { o.Person.Email, o.Person.Contact }).ToList());
        Assert.Equal(others.Count * 2, found.Count);
        Assert.Empty(await Directory.FindAsync([contested.Contact]));
    }

    [Fact]
    public async Task TwoLeadsClaimingOneNewPersonAtOnce_OneWins_InOneStoreAndAcrossTwo()
    {
        var (secondTimeline, _) = await OpenTrackedAsync();
        for (var round = 0; round < 20; round++)
        {
            var person = NewPerson();
            var (first, second) = (LeadId.New(), LeadId.New());
            var store = round % 2 == 0 ? Timeline : secondTimeline;

            var outcomes = await Task.WhenAll(
                Timeline.AppendAsync(Append(first, person.Email, [person.Email, person.Contact], Opened(person))),
                store.AppendAsync(Append(second, person.Contact, [person.Contact, person.Email], Opened(person, minutes: 1))));

            Assert.Single(outcomes, outcome => !outcome.Misrouted);
            var winner = outcomes[0].Misrouted ? second : first;
            Assert.Equal(new Dictionary<string, string> { [person.Email] = winner, [person.Contact] = winner }, await Directory.FindAsync([person.Email, person.Contact]));
            Assert.Single(await Timeline.ReadAsync(winner));
            Assert.Empty(await Timeline.ReadAsync(winner == first ? second : first));
        }
    }

    private async Task<(ITimelineStore Timeline, ILeadDirectory Directory)> OpenTrackedAsync()
    {
        var stores = await OpenStoresAsync();
        foreach (var store in new object[] { stores.Timeline, stores.Directory })
        {
            if (store is IAsyncDisposable disposable) _stores.Add(disposable);
        }
        return stores;
    }

    private static TimelineAppend Append(string leadId, string arrivedAs, IReadOnlyList<string> claims, ConversationEvent @event) =>
        new(leadId, arrivedAs, [@event], [], Claims: claims);

    private static (string Email, string Contact) NewPerson()
    {
        var id = Guid.NewGuid().ToString("N");
        return ($"email:{id}@example.test", $"{LeadKey.SalesforgeContactPrefix}{id}");
    }

    private static ConversationEvent Opened((string Email, string Contact) person, int minutes = 0) =>
        OpenedEvents.Create(person.Email["email:".Length..], OccurredAt.AddMinutes(minutes));
}
