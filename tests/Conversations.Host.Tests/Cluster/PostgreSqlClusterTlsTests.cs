using Conversations.Abstractions.Leads;
using Conversations.Host.Hosting;
using Conversations.Host.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Cluster;

/// <summary>In PostgreSQL clustering, silos talk to each other over TLS too.</summary>
public sealed class PostgreSqlClusterTlsTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task TwoSilosWithTls_FormOneCluster_AndServeATlsClient()
    {
        using var files = new TestCertificates();
        using var certificate = TestCertificates.Create("conversations-cluster");
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Conversations:Cluster:ClusterId"] = $"tls-{Guid.NewGuid():N}",
            [$"{ClusterTlsOptions.SectionName}:CertificatePath"] = files.WritePfx(certificate),
            [$"{ClusterTlsOptions.SectionName}:CertificatePassword"] = TestCertificates.Password,
        };

        // The second silo becomes active only once it has reached the first over the (TLS) silo port.
        await using var cluster = await TwoPostgreSqlSilos.StartAsync(connectionString, settings);

        var email = NewEmail();
        var response = (await cluster.Clients[1].PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email))).EnsureSuccessStatusCode();
        var leadId = (await response.ReadJsonAsync()).GetProperty("leadIds")[0].GetString()!;
        using var client = await GatewayClient.StartAsync(cluster.First.Services, certificate);
        var lead = await client.Services.GetRequiredService<IClusterClient>().GetGrain<ILeadGrain>(leadId).GetAsync();

        Assert.Equal([email], lead?.Emails);
    }
}
