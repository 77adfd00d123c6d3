using System.Net;

namespace Conversations.Host.Tests.Limits;

/// <summary>
/// Per-client budgets on real connections: webhooks per provider and client address, operator routes per client
/// address. Each test spends the budgets of its own client addresses (127.0.0.x), so they do not interfere.
/// </summary>
public sealed class RateLimitingTests : IAsyncLifetime
{
    private const int WebhookBurst = 3;
    private const int OperatorBurst = 2;

    private KestrelHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new KestrelHost(new Dictionary<string, string?>
        {
            // An hour per refill: no budget comes back while a test runs, however slow the machine.
            ["Conversations:RateLimiting:Webhooks:Burst"] = WebhookBurst.ToString(),
            ["Conversations:RateLimiting:Webhooks:PermitsPerPeriod"] = "1",
            ["Conversations:RateLimiting:Webhooks:PeriodSeconds"] = "3600",
            ["Conversations:RateLimiting:Operators:Burst"] = OperatorBurst.ToString(),
            ["Conversations:RateLimiting:Operators:PermitsPerPeriod"] = "1",
            ["Conversations:RateLimiting:Operators:PeriodSeconds"] = "3600",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Webhook_OverTheBudgetOfOneProviderAndAddress_Gets429WithRetryAfter_WhileOthersGetThrough()
    {
        using var client = _host.ClientFrom(IPAddress.Parse("127.0.0.2"));
        for (var i = 0; i < WebhookBurst; i++)
            Assert.Equal(HttpStatusCode.OK, (await Deliver(client, "salesforge", "salesforge/01-email_sent.json")).StatusCode);

        var refused = await Deliver(client, "salesforge", "salesforge/01-email_sent.json");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.EndsWith("rate-limited", problem.Str("type"));
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 3600);
        // Another provider from the same address, and the same provider from another address, have budgets of their own.
        Assert.Equal(HttpStatusCode.OK, (await Deliver(client, "seleqt", "seleqt/01-incoming_message.json")).StatusCode);
        using var neighbour = _host.ClientFrom(IPAddress.Parse("127.0.0.3"));
        Assert.Equal(HttpStatusCode.OK, (await Deliver(neighbour, "salesforge", "salesforge/01-email_sent.json")).StatusCode);
    }

    [Fact]
    public async Task Webhook_UnknownProviderNames_ShareOneBudget()
    {
        using var client = _host.ClientFrom(IPAddress.Parse("127.0.0.4"));
        for (var i = 0; i < WebhookBurst; i++)
            await (await client.PostAsync($"/webhooks/made-up-{i}", Payloads.Json("{}"))).AssertProblemAsync(HttpStatusCode.NotFound);

        var refused = await client.PostAsync("/webhooks/yet-another-name", Payloads.Json("{}"));

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task OperatorRoutes_OverTheBudgetOfOneAddress_Get429_AcrossQueryApiAndDashboard()
    {
        using var client = _host.ClientFrom(IPAddress.Parse("127.0.0.5"));
        for (var i = 0; i < OperatorBurst; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/api/leads/email:{Payloads.NewEmail()}")).StatusCode);

        var refused = await client.GetAsync("/api/campaigns/salesforge:seq_1");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.EndsWith("rate-limited", problem.Str("type"));
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/dashboard")).StatusCode);
        // Health probes and webhooks are not operator routes.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Deliver(client, "salesforge", "salesforge/01-email_sent.json")).StatusCode);
    }

    private static Task<HttpResponseMessage> Deliver(HttpClient client, string provider, string fixture) =>
        client.PostAsync($"/webhooks/{provider}/{KestrelHost.Token}", Payloads.Fixture(fixture, Payloads.NewEmail()));
}
