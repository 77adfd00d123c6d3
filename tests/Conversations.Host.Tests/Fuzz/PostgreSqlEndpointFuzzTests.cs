using System.Globalization;
using Conversations.Host.Tests.PostgreSql;

namespace Conversations.Host.Tests.Fuzz;

/// <summary>
/// The endpoint fuzz on PostgreSQL, which refuses values SQLite stores (U+0000 in text): 20,000 mutated payloads per
/// provider, or as many as <c>CONVERSATIONS_FUZZ_POSTGRESQL_PAYLOADS</c> says.
/// </summary>
[Collection(PostgreSqlFuzzHostCollection.Name)]
public sealed class PostgreSqlEndpointFuzzTests(PostgreSqlFuzzHostFixture host)
{
    public const string PayloadsVariable = "CONVERSATIONS_FUZZ_POSTGRESQL_PAYLOADS";
    private const int DefaultPayloadsPerProvider = 20_000;

    public static TheoryData<string> Providers => new(FuzzProviders.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Providers))]
    public Task MutatedPayloads_NeverGet5xx(string providerName) =>
        EndpointFuzz.RunAsync(host.Client, FuzzProviders.All.Single(p => p.Name == providerName), PayloadsPerProvider, host.Errors);

    private static int PayloadsPerProvider =>
        int.TryParse(Environment.GetEnvironmentVariable(PayloadsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var payloads) && payloads > 0
            ? payloads
            : DefaultPayloadsPerProvider;
}

/// <summary>The host under fuzz on a throwaway PostgreSQL server, every provider enabled.</summary>
public sealed class PostgreSqlFuzzHostFixture : IAsyncLifetime
{
    private readonly PostgresServerFixture _postgres = new();
    private FuzzHost? _host;

    public HttpClient Client => _host!.Client;

    public string Errors() => _host!.Errors();

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _host = new FuzzHost(ConversationsHostFactory.PostgreSql(await _postgres.CreateDatabaseAsync(), FuzzProviders.Settings));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlFuzzHostCollection : ICollectionFixture<PostgreSqlFuzzHostFixture>
{
    public const string Name = "fuzz host on PostgreSQL";
}
