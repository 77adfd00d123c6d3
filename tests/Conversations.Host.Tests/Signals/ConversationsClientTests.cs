using Conversations.Abstractions.Signals;
using Conversations.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conversations.Host.Tests.Signals;

/// <summary>
/// Conversations.Client end to end: an Orleans client connected to the host's gateway with one call follows the
/// signals of a type, and a follower that comes back with the cursor of the last signal it handled gets the one stored
/// while it was away, and not that one again.
/// </summary>
public sealed class ConversationsClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly SignalFilter OfPositiveReplies = new(new HashSet<string> { "positive-reply" }, null);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-client-").FullName;
    private ConversationsHostFactory _service = null!;
    private HttpClient _http = null!;
    private IHost _client = null!;

    public async Task InitializeAsync()
    {
        _service = ConversationsHostFactory.Embedded(_dataDirectory);
        _http = _service.CreateClient();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseConversations(options =>
        {
            options.GatewayPort = _service.GatewayPort;
            options.ClusterId = _service.ClusterId;
            options.ServiceId = _service.ServiceId;
            options.PollInterval = TimeSpan.FromMilliseconds(50);
        }));
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        _http.Dispose();
        await _service.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task AFollower_GetsTheSignalsOfItsType_AndResumesAfterTheLastOneItHandled()
    {
        var follower = _client.Services.GetRequiredService<SignalFollower>();
        var firstReply = await DeliverPositiveReplyAsync();
        var first = await FirstAsync(follower, after: SignalFeedCursor.Start);

        var missedReply = await DeliverPositiveReplyAsync();
        var resumed = await FirstAsync(follower, after: first.Cursor);

        Assert.Contains(firstReply, first.Signal.Evidence);
        Assert.Contains(missedReply, resumed.Signal.Evidence);
        Assert.Equal("positive-reply", resumed.Signal.Type);
        Assert.True(resumed.Cursor > first.Cursor);
    }

    private static async Task<FeedSignal> FirstAsync(SignalFollower follower, SignalFeedCursor after)
    {
        using var patience = new CancellationTokenSource(Patience);
        await foreach (var signal in follower.FollowAsync(OfPositiveReplies, after, patience.Token)) return signal;
        throw new TimeoutException("The follower ended without a signal.");
    }

    private async Task<string> DeliverPositiveReplyAsync() => (await PositiveReplies.DeliverAsync(_http)).EventId;
}
