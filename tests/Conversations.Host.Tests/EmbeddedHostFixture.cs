namespace Conversations.Host.Tests;

/// <summary>One host on the embedded default, shared by the HTTP tests; each test uses fresh leads.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-host-").FullName;

    public ConversationsHostFactory Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = ConversationsHostFactory.Embedded(_dataDirectory, new Dictionary<string, string?>
        {
            ["Conversations:Ingestion:MaxBodyBytes"] = (64 * 1024).ToString(),
        });
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedHostCollection : ICollectionFixture<EmbeddedHostFixture>
{
    public const string Name = "embedded host";
}
