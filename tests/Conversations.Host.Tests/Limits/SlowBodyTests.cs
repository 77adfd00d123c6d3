using System.Diagnostics;
using System.Net;
using System.Text;

namespace Conversations.Host.Tests.Limits;

/// <summary>Bodies that come too slowly, too large without a declared length, or truncated: a 4xx problem, never a 500.</summary>
public sealed class SlowBodyTests : IAsyncLifetime
{
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly string WebhookPath = $"/webhooks/salesforge/{KestrelHost.Token}";

    private KestrelHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Conversations:Ingestion:MaxBodyBytes"] = MaxBodyBytes.ToString(),
            ["Conversations:Ingestion:BodyReadTimeoutSeconds"] = "2",
            ["Conversations:Http:MinRequestBodyGraceSeconds"] = "60",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_WhenTheBodyStalls_Answers408ProblemAndClosesTheConnection()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token);
        var clock = Stopwatch.StartNew();

        await connection.SendAsync(RawHttpConnection.PostHead(WebhookPath, 1000) + "{\"webhookInfo\"", deadline.Token);
        var answer = await connection.ReadUntilClosedAsync(deadline.Token);

        Assert.Equal(408, answer.Status);
        Assert.Contains("application/problem+json", answer.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("body-too-slow", answer.Body, StringComparison.Ordinal);
        Assert.Contains("BodyReadTimeoutSeconds", answer.Body, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Post_WhenTheBodyTricklesUnderTheTimeoutButNeverEnds_IsCutOffAtTheTimeout()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token);
        var clock = Stopwatch.StartNew();
        await connection.SendAsync(RawHttpConnection.PostHead(WebhookPath, 1000), deadline.Token);

        var reading = connection.ReadUntilClosedAsync(deadline.Token);
        for (var i = 0; i < 5 && !reading.IsCompleted; i++)
        {
            await connection.SendAsync(" ", deadline.Token);
            await Task.WhenAny(reading, Task.Delay(300, deadline.Token));
        }
        var answer = await reading;

        // The server may close while a last byte is in flight, which resets the connection before the answer is read.
        Assert.True(answer.Status is 408 or null, $"answered {answer.Status}");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Post_WhenAChunkedBodyOutgrowsTheLimit_Answers413()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token);
        var chunk = new string(' ', 16 * 1024);

        await connection.SendAsync(RawHttpConnection.PostHead(WebhookPath, contentLength: null), deadline.Token);
        for (var sent = 0; sent <= MaxBodyBytes; sent += chunk.Length)
            await connection.SendAsync($"{chunk.Length:x}\r\n{chunk}\r\n", deadline.Token);
        var answer = await connection.ReadUntilClosedAsync(deadline.Token);

        Assert.Equal(413, answer.Status);
        Assert.Contains("body-too-large", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTheChunkedFramingIsBroken_Answers400NotA500()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token);

        await connection.SendAsync(RawHttpConnection.PostHead(WebhookPath, contentLength: null) + "2\r\n{}\r\nzz\r\n", deadline.Token);
        var answer = await connection.ReadUntilClosedAsync(deadline.Token);

        Assert.Equal(400, answer.Status);
        Assert.Contains("incomplete-body", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WhenTheDeclaredLengthIsOverTheLimit_Answers413WithoutWaitingForTheBody()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token);
        var clock = Stopwatch.StartNew();

        await connection.SendAsync(RawHttpConnection.PostHead(WebhookPath, 1L << 30) + "{", deadline.Token);
        var answer = await connection.ReadUntilClosedAsync(deadline.Token);

        Assert.Equal(413, answer.Status);
        Assert.Contains("MaxBodyBytes", answer.Body, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"answered after {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Post_ABodyOfExactlyTheLimit_IsRead()
    {
        var json = Payloads.Text("salesforge/01-email_sent.json").AsPerson(Payloads.NewEmail());
        var open = json.TrimEnd()[..^1];
        var body = Encoding.UTF8.GetBytes(open + new string(' ', MaxBodyBytes - Encoding.UTF8.GetByteCount(open) - 1) + "}");
        Assert.Equal(MaxBodyBytes, body.Length);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await _host.Client.PostAsync(WebhookPath, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
