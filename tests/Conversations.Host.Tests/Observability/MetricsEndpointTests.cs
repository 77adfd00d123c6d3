using System.Net;
using Conversations.Host.Tests.Identity;
using Conversations.Host.Tests.Security;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Observability;

/// <summary>
/// <c>/metrics</c> in Production: closed to anonymous callers, and for the read key Prometheus text with the service's
/// series (deliveries by provider and outcome, refusals by reason, duplicates, group-commit batch sizes and durations,
/// signals by type) beside Orleans' and ASP.NET Core's.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private const string SeleqtToken = "seleqt-production-token-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly EmbeddedHost _host = new(ProductionHost.Settings(new Dictionary<string, string?>(OperatorKeys.Settings())
    {
        ["Conversations:Providers:Seleqt:Enabled"] = "true",
        ["Conversations:Providers:Seleqt:Token"] = SeleqtToken,
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Metrics_Anonymous_Returns401()
    {
        using var response = await _host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithTheReadKey_CountDeliveriesRefusalsDuplicatesCommitsAndSignals()
    {
        var client = _host.Client;
        var sent = await client.PostAsync($"/webhooks/salesforge/{ProductionHost.SalesforgeToken}", Fixture("salesforge/01-email_sent.json", NewEmail()));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reply = PersonPayloads.SeleqtMessage(NewEmail(), $"in-{Guid.NewGuid():N}", Random.Shared.NextInt64(1_000_000, long.MaxValue), "Sounds good, let's talk on Thursday.");
        var body = await reply.ReadAsStringAsync();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var delivered = await client.PostAsync($"/webhooks/seleqt/{SeleqtToken}", Json(body));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        using var refused = await client.PostAsync("/webhooks/salesforge/not-the-token", Fixture("salesforge/01-email_sent.json", NewEmail()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var expected = new[]
        {
            """conversations_webhooks_deliveries_total{otel_scope_name="Orleans.Conversations.Webhooks",outcome="accepted",provider="salesforge"}""",
            """outcome="refused",provider="salesforge",reason="not-authentic"}""",
            """conversations_webhooks_events_total{otel_scope_name="Orleans.Conversations.Webhooks",provider="seleqt",result="applied"} 1""",
            """conversations_webhooks_events_total{otel_scope_name="Orleans.Conversations.Webhooks",provider="seleqt",result="duplicate"} 1""",
            "conversations_storage_group_commit_batch_size_bucket{",
            """queue="timeline""",
            "conversations_storage_group_commit_duration_seconds_bucket{",
            """conversations_signals_stored_total{otel_scope_name="Orleans.Conversations.Signals",type="positive-reply"}""",
            "http_server_request_duration_seconds_bucket{",
            "\norleans_",
        };
        var text = await EventuallyAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics").WithKey(OperatorKeys.Reader);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
            return await response.Content.ReadAsStringAsync();
        }, text => expected.All(series => text.Contains(series, StringComparison.Ordinal)));

        Assert.All(expected, series => Assert.Contains(series, text));
    }

    private static async Task<string> EventuallyAsync(Func<Task<string>> read, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var text = await read();
            if (done(text) || DateTime.UtcNow > deadline) return text;
            await Task.Delay(250);
        }
    }
}
