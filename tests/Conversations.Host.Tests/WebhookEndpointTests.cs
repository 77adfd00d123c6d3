using System.Net;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

[Collection(EmbeddedHostCollection.Name)]
public sealed class WebhookEndpointTests(EmbeddedHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Post_ValidDelivery_Returns200WithTheEventIdAndLeadId()
    {
        var email = NewEmail();
        var response = await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/02-email_opened.json", email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.ReadJsonAsync();
        Assert.Equal("accepted", receipt.Str("outcome"));
        Assert.Equal(1, receipt.GetProperty("applied").GetInt32());
        var leadId = receipt.GetProperty("leadIds")[0].GetString();
        Assert.StartsWith("ld_", leadId);
        Assert.Equal(leadId, (await (await Client.GetAsync($"/api/leads/email:{email}")).ReadJsonAsync()).Str("id"));
        Assert.StartsWith("salesforge:opened:", receipt.GetProperty("eventIds")[0].GetString());
    }

    [Fact]
    public async Task Post_SameDeliveryTwice_Returns200BothTimesAndStoresOnce()
    {
        var email = NewEmail();
        var first = await (await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/02-email_opened.json", email))).ReadJsonAsync();
        var second = await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/03-email_opened-duplicate-delivery.json", email));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var receipt = await second.ReadJsonAsync();
        Assert.Equal(0, receipt.GetProperty("applied").GetInt32());
        Assert.Equal(1, receipt.GetProperty("duplicates").GetInt32());
        Assert.Equal(first.GetProperty("eventIds")[0].GetString(), receipt.GetProperty("eventIds")[0].GetString());
        var timeline = await (await Client.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
        Assert.Equal(1, timeline.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Post_UnknownEventType_Returns200Ignored()
    {
        var response = await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/13-unknown-type.json", NewEmail()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (await response.ReadJsonAsync()).Str("outcome"));
    }

    [Fact]
    public async Task Post_WhenNoLeadIdentity_Returns422()
    {
        // Without its email the contact is still known by Salesforge's id; without that too, by nothing.
        var noIdentity = Text("salesforge/14-missing-contact-email.json").Replace("\"id\": \"lead_x\",", string.Empty, StringComparison.Ordinal);
        var response = await Client.PostAsync("/webhooks/salesforge", Json(noIdentity));
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("no-lead-identity", problem.Str("type"));
    }

    [Fact]
    public async Task Post_WhenContentTypeIsNotJson_Returns415()
    {
        var response = await Client.PostAsync("/webhooks/salesforge", Json(Text("salesforge/02-email_opened.json"), "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"webhookInfo\": ")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    public async Task Post_WhenBodyIsNotAJsonObject_Returns400(string body)
    {
        var response = await Client.PostAsync("/webhooks/salesforge", Json(body));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WhenFieldHasWrongType_Returns422()
    {
        var response = await Client.PostAsync("/webhooks/salesforge", Json("{\"webhookInfo\": 5}"));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Post_WhenBodyIsOverTheLimit_Returns413()
    {
        var huge = Text("salesforge/02-email_opened.json").Replace("Idea for Fabrikam", new string('x', 70 * 1024), StringComparison.Ordinal);
        var response = await Client.PostAsync("/webhooks/salesforge", Json(huge));
        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MaxBodyBytes", problem.Str("detail"));
    }

    [Fact]
    public async Task Post_ToUnknownProvider_Returns404()
    {
        var response = await Client.PostAsync("/webhooks/nosuchprovider", Json("{}"));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_BadDelivery_DoesNotDisturbTheLeadsTimeline()
    {
        var email = NewEmail();
        await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email));
        var broken = Text("salesforge/02-email_opened.json").AsPerson(email)
            .Replace("\"openedAt\": \"2026-09-14T09:12:41+02:00\"", "\"openedAt\": \"yesterday\"", StringComparison.Ordinal);

        var response = await Client.PostAsync("/webhooks/salesforge", Json(broken));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var timeline = await (await Client.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
        Assert.Equal(1, timeline.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Post_WhenTimeIsFarInTheFuture_Returns422NamingTheField()
    {
        var body = Text("salesforge/02-email_opened.json").AsPerson(NewEmail())
            .Replace("2026-09-14T09:12:41+02:00", "2999-01-01T00:00:00Z", StringComparison.Ordinal);

        var problem = await (await Client.PostAsync("/webhooks/salesforge", Json(body))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Matches("(eventTime|openedAt) is more than a day", problem.Str("detail"));
    }

    [Fact]
    public async Task Post_WhenJsonIsNestedTooDeep_Returns400()
    {
        var body = "{\"webhookInfo\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        await (await Client.PostAsync("/webhooks/salesforge", Json(body))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WhenTextIsLong_StoresItWhole()
    {
        var email = NewEmail();
        var body = Text("salesforge/01-email_sent.json").AsPerson(email)
            .Replace("would a short call next week make sense?", new string('x', 30_000), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/webhooks/salesforge", Json(body))).StatusCode);
        var timeline = await (await Client.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
        Assert.Contains(new string('x', 30_000), timeline.GetProperty("events")[0].Str("text"));
    }
}
