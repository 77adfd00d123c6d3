namespace Conversations.Host.Tests.Cluster;

/// <summary>Two hosts over one PostgreSQL database, joined into one cluster, each with an HTTP client.</summary>
internal sealed class TwoPostgreSqlSilos : IAsyncDisposable
{
    private TwoPostgreSqlSilos(ConversationsHostFactory first, ConversationsHostFactory second)
    {
        First = first;
        Second = second;
        Clients = [first.CreateClient(), second.CreateClient()];
    }

    public ConversationsHostFactory First { get; }

    public ConversationsHostFactory Second { get; }

    /// <summary>The first silo's client, then the second's.</summary>
    public HttpClient[] Clients { get; }

    /// <summary>Starts both and returns once each sees two active silos (the second joins over the silo port).</summary>
    public static async Task<TwoPostgreSqlSilos> StartAsync(string connectionString, IDictionary<string, string?> settings)
    {
        var first = ConversationsHostFactory.PostgreSql(connectionString, settings);
        var silos = new TwoPostgreSqlSilos(first, ConversationsHostFactory.PostgreSql(connectionString, settings));
        try
        {
            await ClusterMembership.WaitForActiveSilosAsync(silos.First.Services, 2);
            await ClusterMembership.WaitForActiveSilosAsync(silos.Second.Services, 2);
            return silos;
        }
        catch
        {
            await silos.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients) client.Dispose();
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
