using System.Net;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>Every fixture of a provider through its endpoint, then the query API shows what a person would expect.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class ProviderScenarioTests(EmbeddedHostFixture host)
{
    private static readonly string[] SalesforgeDeliveries =
    [
        "01-email_sent.json", "02-email_opened.json", "03-email_opened-duplicate-delivery.json",
        "04-link_clicked-labelled-email_bounced.json", "05-email_replied.json", "06-positive_reply-same-reply.json",
        "07-email_opened-late-arrival-earlier-time.json", "10-unsubscribed-labelled-email_bounced.json",
        "11-negative_reply.json", "12-linkedin_replied.json",
    ];

    private HttpClient Client => host.Client;

    [Fact]
    public async Task SalesforgeFixtures_BuildOneOrderedTimeline_LeadState_AndExactCampaignFunnel()
    {
        var email = NewEmail();
        var sequence = $"seq_{Guid.NewGuid():N}";
        foreach (var file in SalesforgeDeliveries)
        {
            var response = await Client.PostAsync("/webhooks/salesforge", Fixture($"salesforge/{file}", email, sequence));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var timeline = await (await Client.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(
            ["sent", "opened", "clicked", "replied", "reply_classified", "opened", "unsubscribed", "reply_classified", "replied"],
            events.Select(e => e.Str("kind")));
        var instants = events.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(instants.Order(), instants);
        Assert.Equal("+02:00", events[0].Str("occurredAt")[^6..]);
        Assert.Equal("linkedin", events[^1].Str("channel"));
        Assert.Equal("positive", events[4].Str("sentiment"));
        Assert.Equal($"salesforge:{sequence}", events[4].GetProperty("campaign").Str("key"));

        var lead = await (await Client.GetAsync($"/api/leads/email:{email.ToUpperInvariant()}")).ReadJsonAsync();
        Assert.StartsWith("ld_", lead.Str("id"));
        Assert.Contains($"email:{email}", lead.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("unsubscribed", lead.Str("status"));
        Assert.Equal("negative", lead.Str("latestReplySentiment"));
        Assert.Equal(2, lead.GetProperty("counts").GetProperty("opened").GetInt32());
        Assert.Equal(2, lead.GetProperty("counts").GetProperty("replied").GetInt32());
        Assert.Equal(["hanna-berg-fab"], lead.GetProperty("linkedInPublicIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Fabrikam", lead.Str("company"));

        var campaign = await (await Client.GetAsync($"/api/campaigns/salesforge:{sequence}")).ReadJsonAsync();
        Assert.Equal("Q4 Demo Sequence", campaign.Str("name"));
        Assert.Equal(1, campaign.GetProperty("leads").GetInt64());
        var funnel = campaign.GetProperty("funnel");
        Assert.Equal(
            new Dictionary<string, long> { ["sent"] = 1, ["opened"] = 1, ["clicked"] = 1, ["replied"] = 1, ["bounced"] = 0, ["unsubscribed"] = 1, ["positiveReplies"] = 1, ["negativeReplies"] = 0 },
            funnel.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    [Fact]
    public async Task SeleqtFixtures_KeyLeadsByEmailOrLinkedInProfile_AndIgnoreOtherEvents()
    {
        var files = Directory.GetFiles(Path.Combine(Testing.Fixture.Root, "seleqt"), "0*.json").Order().ToList();
        var outcomes = new Dictionary<string, string>();
        foreach (var file in files)
        {
            var response = await Client.PostAsync("/webhooks/seleqt", Json(await File.ReadAllTextAsync(file)));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            outcomes[Path.GetFileName(file)] = (await response.ReadJsonAsync()).Str("outcome");
        }

        Assert.Equal("ignored", outcomes["08-other-event.json"]);
        var sofia = await (await Client.GetAsync("/api/leads/email:sofia@tailwind.example/timeline")).ReadJsonAsync();
        Assert.Equal(["inbound", "outbound"], sofia.GetProperty("events").EnumerateArray().Select(e => e.Str("direction")));
        var pieter = await (await Client.GetAsync("/api/leads/linkedin:Pieter-de-Vries-9/timeline")).ReadJsonAsync();
        Assert.Equal(2, pieter.GetProperty("count").GetInt32());
        var jurgen = await Client.GetAsync($"/api/leads/{Uri.EscapeDataString("linkedin:jürgen-müller-4a")}");
        Assert.Equal(HttpStatusCode.OK, jurgen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/leads/linkedin:anon-7")).StatusCode);

        var campaign = await (await Client.GetAsync("/api/campaigns/seleqt:2207")).ReadJsonAsync();
        Assert.Equal("LinkedIn - Retail VPs", campaign.Str("name"));
        Assert.Equal(3, campaign.GetProperty("leads").GetInt64());
        Assert.Equal(3, campaign.GetProperty("funnel").GetProperty("replied").GetInt64());
    }

    [Fact]
    public async Task SalesforgeDocumentedSamples_AreEachAcceptedByTheEndpoint()
    {
        var seeds = Directory.GetFiles(Path.Combine(Testing.Fixture.Root, "salesforge"), "seed-*.json").Order().ToList();
        Assert.Equal(9, seeds.Count);
        foreach (var seed in seeds)
        {
            var response = await Client.PostAsync("/webhooks/salesforge", Json(await File.ReadAllTextAsync(seed)));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{seed}: {(int)response.StatusCode}");
            Assert.Equal("accepted", (await response.ReadJsonAsync()).Str("outcome"));
        }
        var bill = await (await Client.GetAsync("/api/leads/email:bill@microsoft.example/timeline")).ReadJsonAsync();
        Assert.Equal(
            ["bounced", "clicked", "opened", "replied", "reply_classified", "sent", "unsubscribed"],
            bill.GetProperty("events").EnumerateArray().Select(e => e.Str("kind")).Distinct().Order());
    }
}
