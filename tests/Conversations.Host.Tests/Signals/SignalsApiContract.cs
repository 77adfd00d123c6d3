using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Conversations.Host.Tests.Identity.PersonPayloads;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Signals;

/// <summary>
/// Signals through the real host, on each store: the product's own example (an email open, then a positive reply on
/// LinkedIn) read by any alias of the lead and by the reply's campaign, also when the open arrives late, and once
/// under redelivery.
/// </summary>
public abstract class SignalsApiContract : IAsyncLifetime
{
    private const string PositiveLinkedInReply = "positive-linkedin-reply-after-email-open";
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
    public async Task AnEmailOpenArrivingAfterThePositiveLinkedInReply_FiresTheSignalOnce_ReadByAnyAliasAndByTheCampaign()
    {
        var (email, linkedIn) = (NewEmail(), NewLinkedInId());
        var reply = await BodyOf(SeleqtMessage(email, linkedIn, Random.Shared.NextInt64(1_000_000, long.MaxValue), "Sounds good, let's talk on Thursday."));
        var open = await BodyOf(SalesforgeOpened(email, NewContactId()));

        var replyReceipt = await DeliverAsync("seleqt", reply);
        var beforeTheOpen = await SignalsAsync($"/api/leads/linkedin:{linkedIn}/signals");
        var openReceipt = await DeliverAsync("salesforge", open);
        await DeliverAsync("seleqt", reply);
        await DeliverAsync("salesforge", open);
        var byEmail = await SignalsAsync($"/api/leads/email:{email}/signals");
        var byLinkedIn = await SignalsAsync($"/api/leads/linkedin:{linkedIn}/signals");
        var byLeadId = await SignalsAsync($"/api/leads/{replyReceipt.LeadId}/signals");

        Assert.DoesNotContain(beforeTheOpen, s => s.Str("type") == PositiveLinkedInReply);
        var signal = Assert.Single(byEmail, s => s.Str("type") == PositiveLinkedInReply);
        Assert.Matches("^sg_[0-9a-f]{32}$", signal.Str("id"));
        Assert.Equal(replyReceipt.LeadId, signal.Str("leadId"));
        Assert.Equal([openReceipt.EventId, replyReceipt.EventId], signal.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new DateTimeOffset(2026, 9, 18, 10, 0, 0, TimeSpan.Zero), signal.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.True(signal.GetProperty("detectedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(Ids(byEmail), Ids(byLinkedIn));
        Assert.Equal(Ids(byEmail), Ids(byLeadId));
        Assert.Contains(byEmail, s => s.Str("type") == "positive-reply");

        var campaign = await SignalsAsync($"/api/campaigns/{signal.Str("campaignKey")}/signals");
        Assert.Contains(campaign, s => s.Str("id") == signal.Str("id"));
    }

    [Fact]
    public async Task ACampaignWhoseBounceRateCrossesFivePercent_RaisesItsAlarmOnce()
    {
        var sequence = $"seq_{Guid.NewGuid():N}";
        for (var i = 0; i < 20; i++) await DeliverAsync("salesforge", await BodyOf(Fixture("salesforge/01-email_sent.json", NewEmail(), sequence)));
        var bounced = new List<(string LeadId, string EventId)>();
        foreach (var email in new[] { NewEmail(), NewEmail(), NewEmail() })
        {
            await DeliverAsync("salesforge", await BodyOf(Fixture("salesforge/01-email_sent.json", email, sequence)));
            bounced.Add(await DeliverAsync("salesforge", SalesforgeBounce(email, sequence)));
        }

        // 2 bounced of 22 sent to is 9.1%, over 5%. The checks run one way after the commits, so the check that finds the
        // crossing may be an earlier bounce's that ran late: the alarm names the bounce whose check raised it.
        var alarms = await EventuallyAsync($"/api/campaigns/salesforge:{sequence}/signals", s => s.Str("type") == "campaign-bounce-rate-high");
        var alarm = Assert.Single(alarms, s => s.Str("type") == "campaign-bounce-rate-high");
        var evidence = Assert.Single(alarm.GetProperty("evidence").EnumerateArray()).GetString()!;
        Assert.Contains((alarm.Str("leadId"), evidence), bounced);
        Assert.Equal($"salesforge:{sequence}", alarm.Str("campaignKey"));
    }

    [Fact]
    public async Task UnknownOrMalformedLeadsAndCampaigns_AreProblems()
    {
        await (await _client.GetAsync($"/api/leads/email:{NewEmail()}/signals")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/leads/ld_not-an-id/signals")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/api/campaigns/salesforge:seq_{Guid.NewGuid():N}/signals")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/campaigns/no-provider/signals")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(string LeadId, string EventId)> DeliverAsync(string provider, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync($"/webhooks/{provider}", content);
        var receipt = await response.ReadJsonAsync();
        return (await response.ReadSingleLeadIdAsync(), Assert.Single(receipt.GetProperty("eventIds").EnumerateArray()).GetString()!);
    }

    /// <summary>Salesforge's bounce sample, about another person (address, contact id, email id) in another sequence.</summary>
    private static string SalesforgeBounce(string email, string sequence)
    {
        var body = JsonNode.Parse(Text("salesforge/09-email_bounced.json"))!;
        body["sequenceEmail"]!["emailId"] = $"{Guid.NewGuid():N}@mail.outreach.example";
        body["sequenceEmail"]!["toEmail"] = email;
        body["contact"]!["email"] = email;
        body["contact"]!["id"] = NewContactId();
        body["sequence"]!["id"] = sequence;
        return body.ToJsonString();
    }

    /// <summary>Campaign alarms are checked one way after the events commit: read until one shows (or 10 s passed), then a little longer.</summary>
    private async Task<IReadOnlyList<JsonElement>> EventuallyAsync(string path, Func<JsonElement, bool> shows)
    {
        for (var waited = 0; waited < 10_000 && !(await SignalsAsync(path)).Any(shows); waited += 100) await Task.Delay(100);
        await Task.Delay(500);
        return await SignalsAsync(path);
    }

    private async Task<IReadOnlyList<JsonElement>> SignalsAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("signals").EnumerateArray().ToList();
    }

    private static async Task<string> BodyOf(HttpContent content) => await content.ReadAsStringAsync();

    private static IEnumerable<string> Ids(IEnumerable<JsonElement> signals) => signals.Select(s => s.Str("id")).Order(StringComparer.Ordinal);
}

public sealed class EmbeddedSignalsApiTests : SignalsApiContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-signals-").FullName;

    protected override Task<ConversationsHostFactory> CreateHostAsync() => Task.FromResult(ConversationsHostFactory.Embedded(_dataDirectory));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgreSqlSignalsApiTests(PostgreSql.PostgresServerFixture postgres) : SignalsApiContract, IClassFixture<PostgreSql.PostgresServerFixture>
{
    protected override async Task<ConversationsHostFactory> CreateHostAsync() => ConversationsHostFactory.PostgreSql(await postgres.CreateDatabaseAsync());
}
