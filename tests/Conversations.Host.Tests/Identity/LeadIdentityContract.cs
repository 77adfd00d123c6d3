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
/// naming two leads goes to the first and links nothing across; shared addresses never link.
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
    public async Task AnEventNamingTwoLeads_GoesToTheLeadOfItsEmail_LinksNothingAcross_AndIsCounted()
    {
        var (email, otherEmail, otherContact) = (NewEmail(), NewEmail(), NewContactId());
        var emailLead = await DeliverAsync("salesforge", SalesforgeOpened(email, contactId: null));
        var contactLead = await DeliverAsync("salesforge", SalesforgeOpened(otherEmail, otherContact));
        using var conflicts = new ConflictCounter(_factory.Services);

        var chosen = await DeliverAsync("salesforge", SalesforgeOpened(email, otherContact));

        Assert.NotEqual(emailLead, contactLead);
        Assert.Equal(emailLead, chosen);
        Assert.Equal(1, conflicts.Count);
        Assert.Equal([$"email:{email}"], await AliasesAsync(emailLead));
        Assert.Equal([$"email:{otherEmail}", $"salesforge:contact:{otherContact}"], (await AliasesAsync(contactLead)).Order(StringComparer.Ordinal));
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

    /// <summary>Counts the identity conflicts of one host (other hosts in the test process have meters of their own).</summary>
    private sealed class ConflictCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public ConflictCounter(IServiceProvider services)
        {
            var scope = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == IdentityMetrics.MeterName && instrument.Meter.Scope == scope && instrument.Name == "conversations.identity.conflicts")
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
