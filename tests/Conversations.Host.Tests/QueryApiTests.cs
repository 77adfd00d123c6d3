using System.Net;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

[Collection(EmbeddedHostCollection.Name)]
public sealed class QueryApiTests(EmbeddedHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task GetLead_WhenUnknown_Returns404Problem()
    {
        var response = await Client.GetAsync($"/api/leads/email:{NewEmail()}");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/leads/email:{NewEmail()}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("bill@example.com")]
    [InlineData("email:not-an-address")]
    [InlineData("twitter:bill")]
    public async Task GetLead_WhenKeyIsNotALeadKey_Returns400Problem(string key)
    {
        var response = await Client.GetAsync($"/api/leads/{Uri.EscapeDataString(key)}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetLead_ReturnsCamelCaseJsonWithStringEnumsAndIsoTimes()
    {
        var email = NewEmail();
        await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email));

        var lead = await (await Client.GetAsync($"/api/leads/email:{email}")).ReadJsonAsync();

        Assert.Equal("contacted", lead.Str("status"));
        Assert.Equal(DateTimeOffset.Parse("2026-09-14T09:00:00+02:00"), lead.GetProperty("firstActivityAt").GetDateTimeOffset());
        Assert.Equal(1, lead.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal([email], lead.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task GetCampaign_WhenUnknown_Returns404_AndWhenMalformed_Returns400()
    {
        await (await Client.GetAsync($"/api/campaigns/salesforge:{Guid.NewGuid():N}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/campaigns/seq_without_provider")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenApi_DescribesTheWebhookAndQueryEndpoints_AndNotTheDashboard()
    {
        var document = await (await Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/webhooks/{provider}", paths);
        Assert.Contains("/api/leads/{lead}", paths);
        Assert.Contains("/api/leads/{lead}/timeline", paths);
        Assert.Contains("/api/campaigns/{campaignId}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_LiveAndReady_Return200_AndDashboardServesHtml()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
        var dashboard = await Client.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
    }
}
