using System.Net;

namespace Conversations.Host.Tests.Limits;

/// <summary>
/// Per-client budgets on real connections: webhook requests that fail authentication per client address (authentic
/// deliveries have no budget), operator routes and paths no route matches per client address. Each test spends the
/// budgets of its own client addresses (127.0.0.x), so they do not interfere.
/// </summary>
public sealed class RateLimitingTests : IAsyncLifetime
{
    private const int FailureBurst = 3;
    private const int OperatorBurst = 2;
    private const string WrongToken = "not-the-token-0123456789";

    private KestrelHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new KestrelHost(new Dictionary<string, string?>
        {
            // An hour per refill: no budget comes back while a test runs, however slow the machine.
            ["Conversations:RateLimiting:FailedAuthentication:Burst"] = FailureBurst.ToString(),
            ["Conversations:RateLimiting:FailedAuthentication:PermitsPerPeriod"] = "1",
            ["Conversations:RateLimiting:FailedAuthentication:PeriodSeconds"] = "3600",
            ["Conversations:RateLimiting:Operators:Burst"] = OperatorBurst.ToString(),
            ["Conversations:RateLimiting:Operators:PermitsPerPeriod"] = "1",
            ["Conversations:RateLimiting:Operators:PeriodSeconds"] = "3600",
            ["Conversations:Providers:Generic:Enabled"] = "true",
            ["Conversations:Providers:Generic:SigningSecret"] = Fuzz.FuzzProviders.GenericSecret,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Webhook_AfterTheFailedAuthenticationBudget_Gets429WithRetryAfter_WhileOtherAddressesAreUnaffected()
    {
        var forger = IPAddress.Parse("127.0.0.2");
        using var client = _host.ClientFrom(forger);
        for (var i = 0; i < FailureBurst; i++)
            await (await Deliver(client, "salesforge", "salesforge/01-email_sent.json", WrongToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var refused = await Deliver(client, "salesforge", "salesforge/01-email_sent.json", WrongToken);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.EndsWith("rate-limited", problem.Str("type"));
        Assert.Contains("Conversations:RateLimiting:FailedAuthentication", problem.Str("detail"));
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 3600);
        // While its budget is spent, every webhook request from the address is refused, an authentic one too.
        await (await Deliver(client, "seleqt", "seleqt/01-incoming_message.json", KestrelHost.Token)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        // Another address that fails has a budget of its own.
        using var neighbour = _host.ClientFrom(IPAddress.Parse("127.0.0.3"));
        await (await Deliver(neighbour, "salesforge", "salesforge/01-email_sent.json", WrongToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // A third address delivering authentically is not limited at all: many times the failure budget, all 200.
        using var provider = _host.ClientFrom(IPAddress.Parse("127.0.0.4"));
        for (var i = 0; i < 10 * FailureBurst; i++)
            Assert.Equal(HttpStatusCode.OK, (await Deliver(provider, "salesforge", "salesforge/01-email_sent.json", KestrelHost.Token)).StatusCode);
    }

    [Fact]
    public async Task Webhook_FromAnAddressOverItsFailureBudget_IsRefusedBeforeItsBodyIsRead()
    {
        var forger = IPAddress.Parse("127.0.0.6");
        using var client = _host.ClientFrom(forger);
        for (var i = 0; i < FailureBurst; i++)
            await (await Deliver(client, "salesforge", "salesforge/01-email_sent.json", WrongToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token, forger);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // A signing provider, whose body is read before it is verified; this one never finishes.
        await connection.SendAsync(RawHttpConnection.PostHead("/webhooks/generic", 500_000) + "{\"type\":", deadline.Token);
        var status = await connection.ReadStatusAsync(deadline.Token);

        Assert.Equal(429, status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"answered after {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Webhook_UnknownProviderNames_SpendTheFailureBudget()
    {
        using var client = _host.ClientFrom(IPAddress.Parse("127.0.0.5"));
        for (var i = 0; i < FailureBurst; i++)
            await (await client.PostAsync($"/webhooks/made-up-{i}", Payloads.Json("{}"))).AssertProblemAsync(HttpStatusCode.NotFound);

        var refused = await client.PostAsync("/webhooks/yet-another-name", Payloads.Json("{}"));

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task OperatorRoutes_OverTheBudgetOfOneAddress_Get429_AcrossQueryApiAndDashboard()
    {
        using var client = _host.ClientFrom(IPAddress.Parse("127.0.0.7"));
        for (var i = 0; i < OperatorBurst; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/api/leads/email:{Payloads.NewEmail()}")).StatusCode);

        var refused = await client.GetAsync("/api/campaigns/salesforge:seq_1");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.EndsWith("rate-limited", problem.Str("type"));
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/dashboard")).StatusCode);
        // Health probes and webhooks are not operator routes.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Deliver(client, "salesforge", "salesforge/01-email_sent.json", KestrelHost.Token)).StatusCode);
    }

    [Fact]
    public async Task UnknownPaths_GetAnOperatorsBudget_SoKeysCannotBeGuessedThereWithoutLimit()
    {
        using var client = _host.ClientFrom(IPAddress.Parse("127.0.0.8"));
        for (var i = 0; i < OperatorBurst; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await GuessKey(client, i)).StatusCode);

        var refused = await GuessKey(client, OperatorBurst);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.EndsWith("rate-limited", problem.Str("type"));
        Assert.True(refused.Headers.Contains("Retry-After"));
        // Routes that exist keep their own limits: health checks have none, authentic webhooks have none.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Deliver(client, "salesforge", "salesforge/01-email_sent.json", KestrelHost.Token)).StatusCode);
    }

    private static Task<HttpResponseMessage> GuessKey(HttpClient client, int attempt)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/no-such-route-{attempt}");
        request.Headers.Add("X-Api-Key", $"cvk_guess_{attempt}");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Deliver(HttpClient client, string provider, string fixture, string token) =>
        client.PostAsync($"/webhooks/{provider}/{token}", Payloads.Fixture(fixture, Payloads.NewEmail()));
}
