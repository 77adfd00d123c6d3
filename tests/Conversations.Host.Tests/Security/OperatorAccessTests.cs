using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Security;

/// <summary>With Production settings, every route but the webhooks and health checks needs an operator key with the right scope.</summary>
public sealed class OperatorAccessTests : IAsyncLifetime
{
    private readonly EmbeddedHost _host = new(ProductionHost.Settings(OperatorKeys.Settings()));

    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> ReadRoutes => new()
    {
        { "GET", "/api/leads/email:someone@example.com" },
        { "GET", "/api/leads/email:someone@example.com/timeline" },
        { "GET", "/api/leads/email:someone@example.com/signals" },
        { "GET", "/api/campaigns/salesforge:seq_1" },
        { "GET", "/api/campaigns/salesforge:seq_1/signals" },
        { "GET", "/openapi/v1.json" },
        { "GET", "/dashboard/" },
        { "GET", "/dashboard/DashboardCounters" },
        { "GET", "/dashboard/ClusterStats" },
        { "GET", "/dashboard/GrainTypes" },
        { "GET", "/" },
        { "GET", "/page/app.js" },
        { "GET", "/metrics" },
        { "GET", "/a/route/nobody/mapped" },
    };

    public static TheoryData<string, string> AllProtectedRoutes
    {
        get
        {
            var routes = new TheoryData<string, string>
            {
                { "POST", "/api/admin/replay" }, { "POST", "/api/leads/email:bill@example.com/unmerge" }, { "GET", "/dashboard/Trace" },
                // Served, it never ends: the read key's test is its own (SignalStream_WithTheReadKey_Streams).
                { "GET", "/api/signals/stream" },
            };
            foreach (var row in ReadRoutes) routes.Add((string)row[0], (string)row[1]);
            return routes;
        }
    }

    [Theory]
    [MemberData(nameof(AllProtectedRoutes))]
    public async Task ProtectedRoute_Anonymous_Returns401Problem(string method, string path)
    {
        var response = await Client.SendAsync(Request(method, path));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.Str("detail"));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Theory]
    [MemberData(nameof(AllProtectedRoutes))]
    public async Task ProtectedRoute_WithAWrongKey_Returns401Problem(string method, string path)
    {
        var response = await Client.SendAsync(Request(method, path).WithKey(OperatorKeys.Reader + "x"));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task ReadRoute_WithTheReadKey_IsServed(string method, string path)
    {
        var response = await Client.SendAsync(Request(method, path).WithKey(OperatorKeys.Reader));

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
    }

    [Fact]
    public async Task SignalStream_WithTheReadKey_Streams()
    {
        using var response = await Client.SendAsync(Request("GET", "/api/signals/stream").WithKey(OperatorKeys.Reader), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminRoute_WithTheReadKey_Returns403_BeforeTheBodyIsRead()
    {
        var response = await Client.SendAsync(Request("POST", "/api/admin/replay", "{ not json").WithKey(OperatorKeys.Reader));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("admin", problem.Str("detail"));
    }

    [Fact]
    public async Task Unmerge_WithTheReadKey_Returns403_AndWithTheAdminKey_ReachesTheLead()
    {
        var forbidden = await Client.SendAsync(Request("POST", $"/api/leads/email:{NewEmail()}/unmerge").WithKey(OperatorKeys.Reader));
        var unknown = await Client.SendAsync(Request("POST", $"/api/leads/email:{NewEmail()}/unmerge").WithKey(OperatorKeys.Admin));

        Assert.Contains("admin", (await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden)).Str("detail"));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminRoute_Anonymous_Returns401_NotTheBodys400()
    {
        var response = await Client.SendAsync(Request("POST", "/api/admin/replay", "{ not json"));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminRoute_WithTheAdminKey_Replays()
    {
        var response = await Client.SendAsync(Request("POST", "/api/admin/replay", "{}").WithKey(OperatorKeys.Admin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"summary\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Webhooks_AndHealth_StayOpenToAnonymousCallers_AndTheReadKeySeesTheLead()
    {
        var email = NewEmail();
        var delivery = await Client.PostAsync($"/webhooks/salesforge?token={ProductionHost.SalesforgeToken}", Fixture("salesforge/01-email_sent.json", email));
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);

        await (await Client.GetAsync($"/api/leads/email:{email}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var lead = await Client.SendAsync(Request("GET", $"/api/leads/email:{email}").WithKey(OperatorKeys.Reader));
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
    }

    [Fact]
    public async Task Dashboard_OpensWithTheKeyAsBasicPassword_ForBrowsers()
    {
        var request = Request("GET", "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"anyone:{OperatorKeys.Reader}")));

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DashboardLiveLogStream_IsOffByDefault()
    {
        var response = await Client.SendAsync(Request("GET", "/dashboard/Trace").WithKey(OperatorKeys.Admin));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("disabled", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Request(string method, string path, string? body = null) =>
        new(new HttpMethod(method), path) { Content = method == "POST" ? Json(body ?? "{}") : null };
}
