using System.Diagnostics;
using Conversations.Host.Webhooks;

namespace Conversations.Host.Tests.Limits;

/// <summary>
/// Providers that authenticate by token have it checked before the body is read: a caller without the token is
/// answered at once, however much body it announces or however slowly it sends it, and its connection is closed
/// (after Kestrel's few seconds of draining, which discards what arrives rather than holding it).
/// </summary>
public sealed class TokenBeforeBodyTests : IAsyncLifetime
{
    private const string WrongToken = "not-the-token-0123456789";

    // The body-read timeout and Kestrel's data-rate grace are minutes away: an answer within seconds did not wait for the body.
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ClosedSoon = TimeSpan.FromSeconds(30);

    private KestrelHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Conversations:Ingestion:BodyReadTimeoutSeconds"] = "120",
            ["Conversations:Http:MinRequestBodyGraceSeconds"] = "120",
            // Every request here fails from one address: the failure budget (tested on its own) must not answer first.
            ["Conversations:RateLimiting:FailedAuthentication:Burst"] = "1000",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/webhooks/salesforge", null)]
    [InlineData($"/webhooks/salesforge/{WrongToken}", null)]
    [InlineData($"/webhooks/seleqt?token={WrongToken}", null)]
    [InlineData("/webhooks/salesforge", $"{WebhookTokens.Header}: {WrongToken}")]
    public async Task Post_WithoutTheRightToken_Gets401AtOnce_WhileTheBodyNeverFinishes(string path, string? header)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token);
        var clock = Stopwatch.StartNew();

        await connection.SendAsync(RawHttpConnection.PostHead(path, 1_000_000, header) + "{\"webhookInfo\": {", deadline.Token);
        var status = await connection.ReadStatusAsync(deadline.Token);
        var answeredAfter = clock.Elapsed;
        var answer = await connection.ReadUntilClosedAsync(deadline.Token);

        Assert.Equal(401, status);
        Assert.True(answeredAfter < AtOnce, $"answered after {answeredAfter.TotalSeconds:F1} s");
        Assert.Contains("not-authentic", answer.Body, StringComparison.Ordinal);
        Assert.Contains("Connection: close", answer.Head, StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed < ClosedSoon, $"closed after {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task ManyConnectionsWithoutAToken_TricklingLargeBodies_AreAllAnsweredAndClosedAtOnce()
    {
        const int connections = 100;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var open = new List<RawHttpConnection>();
        try
        {
            for (var i = 0; i < connections; i++) open.Add(await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token));
            var clock = Stopwatch.StartNew();

            await Task.WhenAll(open.Select(c => c.SendAsync(RawHttpConnection.PostHead("/webhooks/salesforge", 1_000_000) + "{\"we", deadline.Token)));
            var statuses = await Task.WhenAll(open.Select(c => c.ReadStatusAsync(deadline.Token)));
            var answeredAfter = clock.Elapsed;
            await Task.WhenAll(open.Select(c => c.ReadUntilClosedAsync(deadline.Token)));

            Assert.All(statuses, status => Assert.Equal(401, status));
            Assert.True(answeredAfter < AtOnce, $"the last connection was answered after {answeredAfter.TotalSeconds:F1} s");
            Assert.True(clock.Elapsed < ClosedSoon, $"the last connection was closed after {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            foreach (var connection in open) connection.Dispose();
        }
    }
}
