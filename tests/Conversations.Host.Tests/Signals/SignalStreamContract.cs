using System.Net;
using System.Text.Json;

namespace Conversations.Host.Tests.Signals;

/// <summary>
/// <c>GET /api/signals/stream</c> through the real host, on each store: new signals arrive as server-sent events, only of
/// the types asked for; a client that comes back with <c>Last-Event-ID</c> gets what was stored while it was away,
/// and nothing twice; a silent stream sends heartbeats; bad parameters are problems.
/// </summary>
public abstract class SignalStreamContract : IAsyncLifetime
{
    private const string PositiveReply = "positive-reply";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<string, string?> QuickPolls = new()
    {
        ["Conversations:SignalStream:PollMilliseconds"] = "50",
        ["Conversations:SignalStream:HeartbeatSeconds"] = "0.5",
    };

    private ConversationsHostFactory _factory = null!;
    private HttpClient _client = null!;

    protected abstract Task<ConversationsHostFactory> CreateHostAsync(IDictionary<string, string?> settings);

    public async Task InitializeAsync()
    {
        _factory = await CreateHostAsync(QuickPolls);
        _client = _factory.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task NewSignalsOfTheTypeAskedFor_ArriveAsEvents_AndAClientBackWithLastEventId_GetsWhatItMissed_Once()
    {
        string firstId;
        using (var stream = await OpenAsync($"/api/signals/stream?type={PositiveReply}"))
        {
            var firstReply = await DeliverPositiveReplyAsync();
            var first = await stream.ReadEventAsync("signal", Patience);
            firstId = first.Id!;
            Assert.Equal(PositiveReply, Str(first, "type"));
            Assert.Contains(firstReply, Evidence(first));
        }

        var missed = await DeliverPositiveReplyAsync();
        using var resumed = await OpenAsync($"/api/signals/stream?type={PositiveReply}", lastEventId: firstId);
        var next = await resumed.ReadEventAsync("signal", Patience);

        Assert.Contains(missed, Evidence(next));
        Assert.Equal(PositiveReply, Str(next, "type"));
        Assert.True(Cursor(next.Id) > Cursor(firstId));
    }

    [Fact]
    public async Task AStreamOfAnotherType_GetsNoneOfThese_ButHeartbeats()
    {
        using var stream = await OpenAsync("/api/signals/stream?type=hot-lead");
        await DeliverPositiveReplyAsync();

        var heartbeat = await stream.ReadAsync(Patience);
        var again = await stream.ReadAsync(Patience);

        Assert.Equal("heartbeat", heartbeat.Comment);
        Assert.Equal("heartbeat", again.Comment);
    }

    [Fact]
    public async Task ABadCursorTypeOrCampaign_IsAProblem()
    {
        using var badCursor = new HttpRequestMessage(HttpMethod.Get, "/api/signals/stream");
        badCursor.Headers.Add("Last-Event-ID", "not-a-cursor");
        await (await _client.SendAsync(badCursor)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/signals/stream?after=12")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/signals/stream?type=")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/signals/stream?campaign=no-provider")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<ServerSentEventReader> OpenAsync(string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        // The stream has started (and read where the feed ends) once its first line, the reconnect delay, is sent.
        Assert.NotNull((await reader.ReadAsync(Patience)).Retry);
        return reader;
    }

    private async Task<string> DeliverPositiveReplyAsync() => (await PositiveReplies.DeliverAsync(_client)).EventId;

    private static string Str(ServerSentEvent e, string property) => JsonDocument.Parse(e.Data).RootElement.Str(property);

    private static IEnumerable<string> Evidence(ServerSentEvent e) =>
        JsonDocument.Parse(e.Data).RootElement.GetProperty("evidence").EnumerateArray().Select(id => id.GetString()!).ToList();

    private static Abstractions.Signals.SignalFeedCursor? Cursor(string? id) =>
        Abstractions.Signals.SignalFeedCursor.TryParse(id, out var cursor) ? cursor : null;
}

public sealed class EmbeddedSignalStreamTests : SignalStreamContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-sse-").FullName;

    protected override Task<ConversationsHostFactory> CreateHostAsync(IDictionary<string, string?> settings) =>
        Task.FromResult(ConversationsHostFactory.Embedded(_dataDirectory, settings));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgreSqlSignalStreamTests(PostgreSql.PostgresServerFixture postgres) : SignalStreamContract, IClassFixture<PostgreSql.PostgresServerFixture>
{
    protected override async Task<ConversationsHostFactory> CreateHostAsync(IDictionary<string, string?> settings) =>
        ConversationsHostFactory.PostgreSql(await postgres.CreateDatabaseAsync(), settings);
}
