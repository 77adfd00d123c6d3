using Conversations.Host.Tests.Cluster;
using Conversations.Host.Tests.PostgreSql;
using static Conversations.Host.Tests.Identity.PersonPayloads;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Identity;

/// <summary>Two silos over one PostgreSQL database resolve one new person to one lead, whichever silo each delivery reaches.</summary>
public sealed class TwoSiloLeadIdentityTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task DeliveriesForOneNewPerson_ThroughTwoSilosAtOnce_EndInOneLead_HoldingEveryEventOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Conversations:Cluster:ClusterId"] = $"identity-{Guid.NewGuid():N}" };
        await using var first = ConversationsHostFactory.PostgreSql(connectionString, settings);
        using var firstHttp = first.CreateClient();
        await using var second = ConversationsHostFactory.PostgreSql(connectionString, settings);
        using var secondHttp = second.CreateClient();
        await ClusterMembership.WaitForActiveSilosAsync(first.Services, 2);
        await ClusterMembership.WaitForActiveSilosAsync(second.Services, 2);
        HttpClient[] silos = [firstHttp, secondHttp];

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

    private static async Task<string> DeliverAsync(HttpClient silo, HttpContent body)
    {
        using var response = await silo.PostAsync("/webhooks/salesforge", body);
        return await response.ReadSingleLeadIdAsync();
    }
}
