using System.Net;
using System.Text.Json;
using Conversations.Testing.PostgreSql;
using Npgsql;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>
/// What was acknowledged survives the process: post deliveries, stop the host, start a new one on the same
/// storage, and the timelines and campaign counts are the same. Run against both stores.
/// </summary>
public sealed class DurabilityTests
{
    private static readonly string[] Deliveries =
    [
        "01-email_sent.json", "02-email_opened.json", "04-link_clicked-labelled-email_bounced.json",
        "05-email_replied.json", "06-positive_reply-same-reply.json",
    ];

    [Fact]
    public async Task EmbeddedStore_AfterRestart_TimelinesAndCountsAreIntact()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-durability-").FullName;
        try
        {
            await AssertSurvivesRestartAsync(() => ConversationsHostFactory.Embedded(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_AfterRestart_TimelinesAndCountsAreIntact()
    {
        await using var server = await PostgresTestServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync($"durability_{Guid.NewGuid():N}");

        await AssertSurvivesRestartAsync(() => ConversationsHostFactory.PostgreSql(connectionString));

        await AssertLongTimelineSurvivesRestartThroughSnapshotAsync(connectionString);
    }

    /// <summary>
    /// A lead with more events than a reactivation replays is restored from its snapshot, which goes through
    /// Orleans ADO.NET persistence in Orleans' binary format (stable aliases, not .NET type names).
    /// </summary>
    private static async Task AssertLongTimelineSurvivesRestartThroughSnapshotAsync(string connectionString)
    {
        const int opens = 100;
        var email = NewEmail();
        await using (var first = ConversationsHostFactory.PostgreSql(connectionString))
        {
            using var client = first.CreateClient();
            for (var i = 0; i < opens; i++)
            {
                var json = Text("salesforge/02-email_opened.json").AsPerson(email)
                    .Replace("2026-09-14T09:12:41+02:00", new DateTimeOffset(2026, 9, 14, 9, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("O"), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/webhooks/salesforge", Json(json))).StatusCode);
            }
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString LIKE '%lead%'", connection);
            var payload = (byte[]?)await command.ExecuteScalarAsync();
            Assert.NotNull(payload);
            Assert.NotEqual((byte)'{', payload[0]);
        }

        await using var second = ConversationsHostFactory.PostgreSql(connectionString);
        using var restarted = second.CreateClient();
        var lead = await (await restarted.GetAsync($"/api/leads/email:{email}")).ReadJsonAsync();
        Assert.Equal(opens, lead.GetProperty("counts").GetProperty("opened").GetInt32());
        Assert.Equal(opens, lead.GetProperty("eventCount").GetInt32());
    }

    private static async Task AssertSurvivesRestartAsync(Func<ConversationsHostFactory> startHost)
    {
        var emails = Enumerable.Range(0, 3).Select(_ => NewEmail()).ToList();
        var sequence = $"seq_{Guid.NewGuid():N}";
        string timelinesBefore, leadBefore, campaignBefore;

        await using (var first = startHost())
        {
            using var client = first.CreateClient();
            foreach (var email in emails)
            {
                foreach (var file in Deliveries)
                {
                    var response = await client.PostAsync("/webhooks/salesforge", Fixture($"salesforge/{file}", email, sequence));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }
            (timelinesBefore, leadBefore, campaignBefore) = await ReadStateAsync(client, emails, sequence);
        }

        await using var second = startHost();
        using var restarted = second.CreateClient();
        var (timelinesAfter, leadAfter, campaignAfter) = await ReadStateAsync(restarted, emails, sequence);

        Assert.Equal(timelinesBefore, timelinesAfter);
        Assert.Equal(leadBefore, leadAfter);
        Assert.Equal(campaignBefore, campaignAfter);
        using var campaign = JsonDocument.Parse(campaignAfter);
        Assert.Equal(3, campaign.RootElement.GetProperty("leads").GetInt64());
        Assert.Equal(3, campaign.RootElement.GetProperty("funnel").GetProperty("positiveReplies").GetInt64());

        var redelivered = await restarted.PostAsync("/webhooks/salesforge", Fixture("salesforge/02-email_opened.json", emails[0], sequence));
        Assert.Equal(0, (await redelivered.ReadJsonAsync()).GetProperty("applied").GetInt32());
        Assert.Equal(leadBefore, (await ReadStateAsync(restarted, emails, sequence)).Lead);
    }

    private static async Task<(string Timelines, string Lead, string Campaign)> ReadStateAsync(HttpClient client, IReadOnlyList<string> emails, string sequence)
    {
        var timelines = new List<string>();
        foreach (var email in emails) timelines.Add(await client.GetStringAsync($"/api/leads/email:{email}/timeline"));
        var lead = await client.GetStringAsync($"/api/leads/email:{emails[0]}");
        var campaign = await client.GetStringAsync($"/api/campaigns/salesforge:{sequence}");
        Assert.Equal(5, JsonDocument.Parse(timelines[0]).RootElement.GetProperty("count").GetInt32());
        return (string.Join('\n', timelines), lead, campaign);
    }
}
