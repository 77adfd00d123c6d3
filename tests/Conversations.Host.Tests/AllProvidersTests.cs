using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Conversations.Host.Tests.Fuzz;
using Conversations.Ingestion.Generic;
using Conversations.Testing;


namespace Conversations.Host.Tests;

/// <summary>
/// Every fixture and documented sample of every provider through its endpoint, authenticated as the provider
/// would: each accepted event shows in its lead's timeline; forged, unsigned and too-late deliveries are refused.
/// </summary>
public sealed class AllProvidersTests : IAsyncLifetime
{
    // Fixtures a provider's endpoint answers with something else than 200, and why.
    private static readonly Dictionary<string, HttpStatusCode> NotAccepted = new()
    {
        ["breakcold/09-wrong-secret.json"] = HttpStatusCode.Unauthorized,
        ["generic/07-unknown-kind.json"] = HttpStatusCode.UnprocessableEntity,
        ["generic/08-no-lead-identity.json"] = HttpStatusCode.UnprocessableEntity,
        ["generic/10-occurredAt-without-offset.json"] = HttpStatusCode.UnprocessableEntity,
    };

    private readonly EmbeddedHost _host = new(FuzzProviders.Settings);

    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Providers => new(FuzzProviders.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryFixture_IsIngested_AndEachEventShowsInItsLeadsTimeline(string providerName)
    {
        var provider = FuzzProviders.All.Single(p => p.Name == providerName);
        foreach (var name in Fixture.Names(provider.FixtureFolder))
        {
            using var request = provider.Request(Fixture.Read(name));
            var response = await Client.SendAsync(request);
            var expected = NotAccepted.GetValueOrDefault(name, HttpStatusCode.OK);
            Assert.True(response.StatusCode == expected, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (expected != HttpStatusCode.OK) continue;

            var receipt = await response.ReadJsonAsync();
            var stored = new HashSet<string>();
            foreach (var leadId in receipt.GetProperty("leadIds").EnumerateArray().Select(k => k.GetString()!))
            {
                var timeline = await (await Client.GetAsync($"/api/leads/{leadId}/timeline")).ReadJsonAsync();
                stored.UnionWith(timeline.GetProperty("events").EnumerateArray().Select(e => e.Str("id")));
            }
            foreach (var eventId in receipt.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()!))
                Assert.True(stored.Contains(eventId), $"{name}: event {eventId} is not in its lead's timeline");
        }
    }

    [Fact]
    public async Task SalesIq_ForgedOrUnsignedDelivery_IsRefused()
    {
        var body = Fixture.Read("salesiq/01-conversation-created.json");
        using var forger = RSA.Create(1024);
        var forged = FuzzProviders.Post("/webhooks/salesiq", body);
        forged.Headers.TryAddWithoutValidation("x-siqsignature", Convert.ToBase64String(forger.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));

        await (await Client.SendAsync(forged)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await Client.SendAsync(FuzzProviders.Post("/webhooks/salesiq", body))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SalesIq_SignedBodyChangedInTransit_IsRefused()
    {
        var salesIq = FuzzProviders.All.Single(p => p.Name == "salesiq");
        var request = salesIq.Request(Fixture.Read("salesiq/01-conversation-created.json"));
        var tampered = Encoding.UTF8.GetBytes((await request.Content!.ReadAsStringAsync()).Replace("\"id\"", "\"Id\"", StringComparison.Ordinal));
        var replaced = FuzzProviders.Post("/webhooks/salesiq", tampered);
        replaced.Headers.TryAddWithoutValidation("x-siqsignature", request.Headers.GetValues("x-siqsignature").Single());

        await (await Client.SendAsync(replaced)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("salesiq", "salesiq/08-visitor-updated-lead-no-email.json", "salesiq:visitor:60012345000095002", "SalesIQ:Visitor:60012345000095002")]
    [InlineData("breakcold", "breakcold/seed-lead.create.json", "breakcold:lead:e106db1f-aba3-40ba-97a7-507b54757ef8", "Breakcold:lead:e106db1f-aba3-40ba-97a7-507b54757ef8")]
    public async Task LeadKnownOnlyByItsProvidersId_IsStored_AndFoundByThatKey(string providerName, string fixture, string leadKey, string typedKey)
    {
        using var request = FuzzProviders.All.Single(p => p.Name == providerName).Request(Fixture.Read(fixture));

        var receipt = await (await Client.SendAsync(request)).ReadJsonAsync();

        Assert.Equal("accepted", receipt.Str("outcome"));
        var leadId = Assert.Single(receipt.GetProperty("leadIds").EnumerateArray()).GetString();
        var lead = await (await Client.GetAsync($"/api/leads/{Uri.EscapeDataString(typedKey)}")).ReadJsonAsync();
        Assert.Equal(leadId, lead.Str("id"));
        Assert.Equal([leadKey], lead.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task SalesIqVisitorKnownOnlyByItsId_IsStitchedToTheEmail_WhenAVisitorUpdateCarriesBoth()
    {
        var visitorId = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = $"visitor-{Guid.NewGuid():N}@contoso-example.de";
        var idOnly = SalesIqVisitor("salesiq/08-visitor-updated-lead-no-email.json", visitorId, email: null);
        var withEmail = SalesIqVisitor("salesiq/07-visitor-updated-contact.json", visitorId, email);

        var first = await DeliverAsync("salesiq", idOnly);
        var second = await DeliverAsync("salesiq", withEmail);

        Assert.Equal(first, second);
        var lead = await (await Client.GetAsync($"/api/leads/email:{email}")).ReadJsonAsync();
        Assert.Equal(first, lead.Str("id"));
        Assert.Equal([$"email:{email}", $"salesiq:visitor:{visitorId}"], lead.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BreakcoldLeadKnownOnlyByItsId_IsStitchedToTheEmail_WhenALaterEventCarriesBoth()
    {
        var leadId = Guid.NewGuid().ToString();
        var email = $"lead-{Guid.NewGuid():N}@northwind.example";
        var idOnly = JsonNode.Parse(Fixture.Read("breakcold/seed-lead.create.json"))!;
        idOnly["payload"]!["id"] = leadId;
        var withEmail = JsonNode.Parse(Fixture.Read("breakcold/01-lead.create.json"))!;
        withEmail["event"] = "lead.update";
        withEmail["payload"]!["id"] = leadId;
        withEmail["payload"]!["email"] = email;
        withEmail["payload"]!["linkedin_url"] = null;

        var first = await DeliverAsync("breakcold", Encoding.UTF8.GetBytes(idOnly.ToJsonString()));
        var second = await DeliverAsync("breakcold", Encoding.UTF8.GetBytes(withEmail.ToJsonString()));

        Assert.Equal(first, second);
        var timeline = await (await Client.GetAsync($"/api/leads/breakcold:lead:{leadId}/timeline")).ReadJsonAsync();
        Assert.Equal(2, timeline.GetProperty("count").GetInt32());
        Assert.Equal(first, (await (await Client.GetAsync($"/api/leads/email:{email}")).ReadJsonAsync()).Str("id"));
    }

    private static byte[] SalesIqVisitor(string fixture, string visitorId, string? email)
    {
        var body = JsonNode.Parse(Fixture.Read(fixture))!;
        body["entity_id"] = visitorId;
        var entity = body["entity"]!.AsObject();
        entity["id"] = visitorId;
        entity.Remove("lead");
        entity["email_id"] = email;
        entity.Remove("phone");
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private async Task<string> DeliverAsync(string providerName, byte[] body)
    {
        using var request = FuzzProviders.All.Single(p => p.Name == providerName).Request(body);
        using var response = await Client.SendAsync(request);
        var leadId = await response.ReadSingleLeadIdAsync();
        Assert.Equal("accepted", (await response.ReadJsonAsync()).Str("outcome"));
        return leadId;
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(330)] // ahead: a slow test run must not bring it back inside the window
    public async Task Generic_DeliverySignedOutsideTheFiveMinuteWindow_IsRefused(int secondsOff)
    {
        var body = Fixture.Read("generic/01-replied.json");
        var request = FuzzProviders.Post("/webhooks/generic", body);
        foreach (var (name, value) in StandardWebhookSigner.Headers(body, FuzzProviders.GenericSecret, "msg_late", DateTimeOffset.UtcNow.AddSeconds(secondsOff)))
            request.Headers.TryAddWithoutValidation(name, value);

        var problem = await (await Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(FuzzProviders.GenericSecret, problem.ToString());
    }

    [Fact]
    public async Task Generic_BatchWithOneBadEvent_StoresTheOthersAndNamesTheBadOne()
    {
        var generic = FuzzProviders.All.Single(p => p.Name == "generic");
        using var request = generic.Request(Fixture.Read("generic/09-batch-one-bad-event.json"));

        var receipt = await (await Client.SendAsync(request)).ReadJsonAsync();

        Assert.Equal(1, receipt.GetProperty("events").GetInt32());
        Assert.StartsWith("events[1]: channel", receipt.GetProperty("rejected")[0].GetString());
        var timeline = await (await Client.GetAsync("/api/leads/phone:+34600123456/timeline")).ReadJsonAsync();
        Assert.Contains(receipt.GetProperty("eventIds")[0].GetString(), timeline.GetProperty("events").EnumerateArray().Select(e => e.Str("id")));
    }

    [Fact]
    public async Task Generic_UnsignedDelivery_IsRefused() =>
        await (await Client.SendAsync(FuzzProviders.Post("/webhooks/generic", Fixture.Read("generic/01-replied.json"))))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Breakcold_WrongSecretInBody_IsRefusedWithoutEcho()
    {
        var response = await Client.PostAsync("/webhooks/breakcold", Payloads.Json(Payloads.Text("breakcold/09-wrong-secret.json")));
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("wh_", problem.ToString());
    }
}
