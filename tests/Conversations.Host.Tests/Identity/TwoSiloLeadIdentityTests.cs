using Conversations.Host.Tests.Cluster;
using Conversations.Host.Tests.PostgreSql;
using static Conversations.Host.Tests.Identity.PersonPayloads;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Identity;

/// <summary>
/// Two silos over one PostgreSQL database resolve one new person to one lead, whichever silo each delivery reaches,
/// also when some deliveries name only one of the person's aliases and the leads they made are merged.
/// </summary>
public sealed class TwoSiloLeadIdentityTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task DeliveriesForOneNewPerson_ThroughTwoSilosAtOnce_EndInOneLead_HoldingEveryEventOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var cluster = await TwoPostgreSqlSilos.StartAsync(connectionString,
            new Dictionary<string, string?> { ["Conversations:Cluster:ClusterId"] = $"identity-{Guid.NewGuid():N}" });
        var silos = cluster.Clients;

        for (var person = 0; person < 5; person++)
        {
            var (email, contactId) = (NewEmail(), NewContactId());

            var leads = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => DeliverAsync(silos[i % 2], SalesforgeOpened(email, contactId))));

            var lead = Assert.Single(leads.Distinct());
            foreach (var silo in silos)
            {
                var timeline = await (await silo.GetAsync($"/api/leads/email:{email}/timeline")).ReadJsonAsync();
                Assert.Equal(lead, timeline.Str("leadId"));
                Assert.Equal(12, timeline.GetProperty("count").GetInt32());
            }
        }
    }

    [Fact]
    public async Task ThirtySixDeliveriesForOneNewPerson_ByEmailByLinkedInAndByBoth_ThroughTwoSilos_EndInOneLead_HoldingEveryEventOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var cluster = await TwoPostgreSqlSilos.StartAsync(connectionString,
            new Dictionary<string, string?> { ["Conversations:Cluster:ClusterId"] = $"merges-{Guid.NewGuid():N}" });
        var silos = cluster.Clients;

        for (var person = 0; person < 3; person++)
        {
            var (email, linkedIn, seleqtId) = (NewEmail(), NewLinkedInId(), Random.Shared.NextInt64(1_000_000, long.MaxValue));

            var receipts = await Task.WhenAll(Enumerable.Range(0, 36).Select(i => (i % 3) switch
            {
                0 => DeliverAsync(silos[i % 2], SalesforgeOpened(email, contactId: null)),
                1 => DeliverAsync(silos[i % 2], SeleqtMessage(email: null, linkedIn, seleqtId, $"Message {i}"), "seleqt"),
                _ => DeliverAsync(silos[i % 2], SeleqtMessage(email, linkedIn, seleqtId, $"Message {i}"), "seleqt"),
            }));

            foreach (var silo in silos)
            {
                var lead = (await (await silo.GetAsync($"/api/leads/email:{email}")).ReadJsonAsync()).Str("id");
                Assert.Equal(lead, (await (await silo.GetAsync($"/api/leads/linkedin:{linkedIn}")).ReadJsonAsync()).Str("id"));
                foreach (var receipted in receipts.Distinct())
                    Assert.Equal(lead, (await (await silo.GetAsync($"/api/leads/{receipted}")).ReadJsonAsync()).Str("id"));
                var events = (await (await silo.GetAsync($"/api/leads/{lead}/timeline?limit=500")).ReadJsonAsync())
                    .GetProperty("events").EnumerateArray().Where(e => e.Str("channel") != "system").Select(e => e.Str("id")).ToList();
                Assert.Equal(36, events.Distinct().Count());
                Assert.Equal(36, events.Count);
            }
        }
    }

    private static async Task<string> DeliverAsync(HttpClient silo, HttpContent body, string provider = "salesforge")
    {
        using var response = await silo.PostAsync($"/webhooks/{provider}", body);
        return await response.ReadSingleLeadIdAsync();
    }
}
