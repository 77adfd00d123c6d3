namespace Conversations.Host.Tests;

/// <summary>One host on the embedded default, shared by the HTTP tests; each test uses fresh leads.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    private readonly EmbeddedHost _host = new(new Dictionary<string, string?>
    {
        ["Conversations:Ingestion:MaxBodyBytes"] = (64 * 1024).ToString(),
    });

    public HttpClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class EmbeddedHostCollection : ICollectionFixture<EmbeddedHostFixture>
{
    public const string Name = "embedded host";
}
