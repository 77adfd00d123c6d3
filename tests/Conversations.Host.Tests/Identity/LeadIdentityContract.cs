using System.Diagnostics.Metrics;
using System.Net;
using Conversations.Abstractions.Leads;
using Conversations.Host.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Host.Tests.Identity.PersonPayloads;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Identity;

/// <summary>
/// Lead ids and the alias directory through the real host, on each store: one person reached through several
/// providers is one lead, found by any alias or its id; racing deliveries for a new person end in one lead; an event
/// naming two leads merges them, and an operator can split them again; shared addresses never link.
/// </summary>
public abstract class LeadIdentityContract : IAsyncLifetime
{
    private ConversationsHostFactory _factory = null!;
    private HttpClient _client = null!;

    protected abstract Task<ConversationsHostFactory> CreateHostAsync();

    public async Task InitializeAsync()
    {
        _factory = await CreateHostAsync();
        _client = _factory.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task OnePersonThroughTwoProviders_IsOneLead_FoundByEveryAliasAndItsId()
    {
        var (email, contactId, linkedIn, seleqtId) = (NewEmail(), NewContactId(), NewLinkedInId(), Random.Shared.NextInt64(1_000_000, long.MaxValue));

        var emailLead = await DeliverAsync("salesforge", SalesforgeOpened(email, contactId));
        var linkedInLead = await DeliverAsync("seleqt", SeleqtMessage(email, linkedIn, seleqtId, "Yes, let's talk."));

        Assert.Matches("^ld_[0-9a-f]{32}$", emailLead);
        Assert.Equal(emailLead, linkedInLead);
        string[] aliases = [$"email:{email}", $"linkedin:{linkedIn}", $"salesforge:contact:{contactId}", $"seleqt:lead:{seleqtId}"];
        foreach (var name in aliases.Append(emailLead).Append($"EMAIL:{email.ToUpperInvariant()}"))
        {
            var lead = await (await _client.GetAsync($"/api/leads/{Uri.EscapeDataString(name)}")).ReadJsonAsync();
            Assert.Equal(emailLead, lead.Str("id"));
            Assert.Equal(aliases.Order(StringComparer.Ordinal), lead.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
        }
        var timeline = await (await _client.GetAsync($"/api/leads/linkedin:{linkedIn}/timeline")).ReadJsonAsync();
        Assert.Equal(emailLead, timeline.Str("leadId"));
        Assert.Equal(["email", "linkedin"], timeline.GetProperty("events").EnumerateArray().Select(e => e.Str("channel")).Order());
    }

    [Fact]
    public async Task ALeadKnownOnlyByAProvidersId_IsStitchedToTheEmail_WhenAnEventCarriesBoth()
    {
        var (email, contactId) = (NewEmail(), NewContactId());

        var idOnly = await DeliverAsync("salesforge", SalesforgeOpened(email: null, contactId));
        var both = await DeliverAsync("salesforge", SalesforgeOpened(email, contactId));
        var emailOnly = await DeliverAsync("salesforge", SalesforgeOpened(email, contactId: null));

        Assert.Equal(idOnly, both);
        Assert.Equal(idOnly, emailOnly);
        var timeline = await (await _client.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
        Assert.Equal(3, timeline.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ConcurrentDeliveriesForOneNewPerson_EndInOneLead_HoldingEveryEventOnce()
    {
        var (email, contactId) = (NewEmail(), NewContactId());

        var leads = await Task.WhenAll(Enumerable.Range(0, 36).Select(_ => DeliverAsync("salesforge", SalesforgeOpened(email, contactId))));

        var lead = Assert.Single(leads.Distinct());
        var timeline = await (await _client.GetAsync($"/api/leads/{lead}/timeline")).ReadJsonAsync();
        Assert.Equal(36, timeline.GetProperty("count").GetInt32());
        Assert.Equal(lead, (await (await _client.GetAsync($"/api/leads/salesforge:contact:{contactId}")).ReadJsonAsync()).Str("id"));
    }

    [Fact]
    public async Task AnEventNamingTwoLeads_MergesThemIntoTheOlder_WhichAnswersForBothIdsAndEveryAlias()
    {
        var person = NewPerson();
        var emailLead = await DeliverAsync("salesforge", SalesforgeOpened(person.Email, person.ContactId));
        var linkedInLead = await DeliverAsync("seleqt", SeleqtMessage(email: null, person.LinkedIn, person.SeleqtId, "Hi Tom."));
        using var merges = new IdentityCounter(_factory.Services, "conversations.identity.merges");

        var both = await SeleqtMessage(person.Email, person.LinkedIn, person.SeleqtId, "Yes, let's talk.").ReadAsStringAsync();
        var merged = await DeliverAsync("seleqt", Json(both));
        using var redelivered = await _client.PostAsync("/webhooks/seleqt", Json(both));

        Assert.NotEqual(emailLead, linkedInLead);
        Assert.Equal(emailLead, merged);
        Assert.Equal(1, merges.Count);
        var receipt = await redelivered.ReadJsonAsync();
        Assert.Equal((0, 1), (receipt.GetProperty("applied").GetInt32(), receipt.GetProperty("duplicates").GetInt32()));
        foreach (var name in person.Aliases.Append(emailLead).Append(linkedInLead))
        {
            var lead = await (await _client.GetAsync($"/api/leads/{Uri.EscapeDataString(name)}")).ReadJsonAsync();
            Assert.Equal(emailLead, lead.Str("id"));
            Assert.Equal(person.Aliases.Order(StringComparer.Ordinal), lead.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(3, lead.GetProperty("eventCount").GetInt32());
        }
        var timeline = (await (await _client.GetAsync($"/api/leads/{linkedInLead}/timeline")).ReadJsonAsync()).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(3, timeline.Count(e => e.Str("channel") != "system"));
        var marker = Assert.Single(timeline, e => e.Str("kind") == "lead_merged");
        Assert.Contains(linkedInLead, marker.Str("text"));
    }

    [Fact]
    public async Task ThirtySixDeliveriesForOneNewPerson_ByEmailByLinkedInAndByBoth_EndInOneLead_HoldingEveryEventOnce()
    {
        var person = NewPerson();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 36).Select(i => (i % 3) switch
        {
            0 => DeliverAsync("salesforge", SalesforgeOpened(person.Email, contactId: null)),
            1 => DeliverAsync("seleqt", SeleqtMessage(email: null, person.LinkedIn, person.SeleqtId, $"Message {i}")),
            _ => DeliverAsync("seleqt", SeleqtMessage(person.Email, person.LinkedIn, person.SeleqtId, $"Message {i}")),
        }));

        var lead = await LeadOfAsync($"email:{person.Email}");
        Assert.Equal(lead, await LeadOfAsync($"linkedin:{person.LinkedIn}"));
        foreach (var receipted in receipts.Distinct()) Assert.Equal(lead, await LeadOfAsync(receipted));
        var events = (await (await _client.GetAsync($"/api/leads/{lead}/timeline?limit=500")).ReadJsonAsync())
            .GetProperty("events").EnumerateArray().Where(e => e.Str("channel") != "system").Select(e => e.Str("id")).ToList();
        Assert.Equal(36, events.Count);
        Assert.Equal(36, events.Distinct().Count());
        Assert.Equal(36, (await (await _client.GetAsync($"/api/leads/{lead}")).ReadJsonAsync()).GetProperty("eventCount").GetInt32());
    }

    [Fact]
    public async Task AnUnmerge_SplitsTheLeadBack_TheLeadsStayApart_AndALeadNeverMerged_Answers409()
    {
        var person = NewPerson();
        var emailLead = await DeliverAsync("salesforge", SalesforgeOpened(person.Email, person.ContactId));
        var linkedInLead = await DeliverAsync("seleqt", SeleqtMessage(email: null, person.LinkedIn, person.SeleqtId, "Hi Tom."));
        await DeliverAsync("seleqt", SeleqtMessage(person.Email, person.LinkedIn, person.SeleqtId, "Yes, let's talk."));

        using var unmerged = await _client.PostAsync($"/api/leads/linkedin:{person.LinkedIn}/unmerge", null);
        var again = await DeliverAsync("seleqt", SeleqtMessage(person.Email, person.LinkedIn, person.SeleqtId, "Still there?"));

        var split = await unmerged.ReadJsonAsync();
        Assert.Equal(emailLead, split.GetProperty("lead").Str("id"));
        var restored = Assert.Single(split.GetProperty("restored").EnumerateArray());
        Assert.Equal(linkedInLead, restored.Str("id"));
        Assert.Equal([$"linkedin:{person.LinkedIn}", $"seleqt:lead:{person.SeleqtId}"],
            restored.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(emailLead, again);
        Assert.Equal(linkedInLead, await LeadOfAsync($"linkedin:{person.LinkedIn}"));
        Assert.Equal(emailLead, await LeadOfAsync($"email:{person.Email}"));
        var linkedInView = await (await _client.GetAsync($"/api/leads/{linkedInLead}")).ReadJsonAsync();
        Assert.Equal(1, linkedInView.GetProperty("eventCount").GetInt32());
        var linkedInTimeline = (await (await _client.GetAsync($"/api/leads/{linkedInLead}/timeline")).ReadJsonAsync()).GetProperty("events").EnumerateArray();
        Assert.Contains(linkedInTimeline, e => e.Str("kind") == "lead_unmerged");
        await (await _client.PostAsync($"/api/leads/{emailLead}/unmerge", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PostAsync($"/api/leads/{LeadId.New()}/unmerge", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASharedAddress_NeverLinksTwoPeople_ButReachesALeadOfItsOwnWhenAlone()
    {
        var shared = $"info@{Guid.NewGuid():N}.example";
        var (first, second) = (NewContactId(), NewContactId());

        var firstLead = await DeliverAsync("salesforge", SalesforgeOpened(shared, first));
        var secondLead = await DeliverAsync("salesforge", SalesforgeOpened(shared, second));
        var inbox = await DeliverAsync("salesforge", SalesforgeOpened(shared, contactId: null));
        var inboxAgain = await DeliverAsync("salesforge", SalesforgeOpened(shared, contactId: null));

        Assert.Equal(3, new[] { firstLead, secondLead, inbox }.Distinct().Count());
        Assert.Equal(inbox, inboxAgain);
        Assert.Equal([$"salesforge:contact:{first}"], await AliasesAsync(firstLead));
        Assert.Equal([$"email:{shared}"], await AliasesAsync(inbox));
    }

    [Fact]
    public async Task UnknownIdsAndAliases_Answer404_AndTextThatIsNeither_Answers400()
    {
        await (await _client.GetAsync($"/api/leads/{LeadId.New()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/leads/{LeadId.New()}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/leads/salesforge:contact:{NewContactId()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/leads/ld_not-an-id")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<string> DeliverAsync(string provider, HttpContent body)
    {
        using var response = await _client.PostAsync($"/webhooks/{provider}", body);
        return await response.ReadSingleLeadIdAsync();
    }

    private async Task<IReadOnlyList<string>> AliasesAsync(string leadId)
    {
        var lead = await (await _client.GetAsync($"/api/leads/{leadId}")).ReadJsonAsync();
        return lead.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToList();
    }

    private async Task<string> LeadOfAsync(string aliasOrId) => (await (await _client.GetAsync($"/api/leads/{Uri.EscapeDataString(aliasOrId)}")).ReadJsonAsync()).Str("id")!;

    private static Person NewPerson() => new(NewEmail(), NewContactId(), NewLinkedInId(), Random.Shared.NextInt64(1_000_000, long.MaxValue));

    private sealed record Person(string Email, string ContactId, string LinkedIn, long SeleqtId)
    {
        public string[] Aliases => [$"email:{Email}", $"linkedin:{LinkedIn}", $"salesforge:contact:{ContactId}", $"seleqt:lead:{SeleqtId}"];
    }

    /// <summary>Counts one identity instrument of one host (other hosts in the test process have meters of their own).</summary>
    private sealed class IdentityCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public IdentityCounter(IServiceProvider services, string instrumentName)
        {
            var scope = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IdentityMetrics.MeterName && instrument.Meter.Scope == scope && instrument.Name == instrumentName)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, (int)value));
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

public sealed class EmbeddedLeadIdentityTests : LeadIdentityContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-identity-").FullName;

    protected override Task<ConversationsHostFactory> CreateHostAsync() => Task.FromResult(ConversationsHostFactory.Embedded(_dataDirectory));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgreSqlLeadIdentityTests(PostgreSql.PostgresServerFixture postgres) : LeadIdentityContract, IClassFixture<PostgreSql.PostgresServerFixture>
{
    protected override async Task<ConversationsHostFactory> CreateHostAsync() => ConversationsHostFactory.PostgreSql(await postgres.CreateDatabaseAsync());
}
