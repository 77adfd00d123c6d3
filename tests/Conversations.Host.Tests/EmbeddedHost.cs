namespace Conversations.Host.Tests;

/// <summary>A host on the embedded store in its own temporary folder, with a client; disposing removes both.</summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-host-").FullName;

    public EmbeddedHost(IDictionary<string, string?>? settings = null)
    {
        Factory = ConversationsHostFactory.Embedded(_dataDirectory, settings);
        Client = Factory.CreateClient();
    }

    public ConversationsHostFactory Factory { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => Factory.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
