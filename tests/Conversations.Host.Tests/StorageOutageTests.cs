using System.Net;
using Conversations.Testing.PostgreSql;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>
/// When the database is gone, nothing is acknowledged: webhooks answer 503 (not 500) and readiness fails.
/// When it is back, the same delivery is accepted and nothing acknowledged before is lost.
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task WhenPostgreSqlRestarts_WebhooksAnswer503UntilItIsBack_ThenAcceptTheRetry()
    {
        await using var server = await PostgresTestServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync($"outage_{Guid.NewGuid():N}");
        await using var host = ConversationsHostFactory.PostgreSql(connectionString);
        using var client = host.CreateClient();
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await server.StopAsync();

        var response = await client.PostAsync("/webhooks/salesforge", Fixture("salesforge/02-email_opened.json", email));
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.EndsWith("storage-unavailable", problem.Str("type"));
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await server.StartAgainAsync();

        var retry = await client.PostAsync("/webhooks/salesforge", Fixture("salesforge/02-email_opened.json", email));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var timeline = await (await client.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
        Assert.Equal(["sent", "opened"], timeline.GetProperty("events").EnumerateArray().Select(e => e.Str("kind")));
    }

    [Fact]
    public async Task WhilePostgreSqlIsDown_ReadsAnswer503WithRetryAfter_AndAfterARestartTheFirstReadsSucceed()
    {
        await using var server = await PostgresTestServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync($"outage_{Guid.NewGuid():N}");
        await using var host = ConversationsHostFactory.PostgreSql(connectionString);
        using var client = host.CreateClient();
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email))).StatusCode);
        string[] reads = [$"/api/leads/email:{email}/timeline", $"/api/leads/email:{email}", "/api/campaigns/salesforge:seq_q4demo01"];
        foreach (var path in reads) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        // Restarted with nothing asked in between: the pool still holds the connections the old server closed.
        await server.StopAsync();
        await server.StartAgainAsync();
        foreach (var path in reads) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        await server.StopAsync();
        foreach (var path in reads)
        {
            var response = await client.GetAsync(path);
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.EndsWith("storage-unavailable", problem.Str("type"));
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        }

        await server.StartAgainAsync();
        foreach (var path in reads) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
