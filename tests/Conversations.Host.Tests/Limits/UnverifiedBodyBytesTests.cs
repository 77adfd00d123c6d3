using System.Diagnostics;
using System.Net;
using System.Text;
using Conversations.Host.Tests.Fuzz;
using Conversations.Host.Webhooks;
using Conversations.Ingestion.Generic;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Host.Tests.Limits;

/// <summary>
/// A signing provider's body must be read before it can be verified. Slow uploads without a valid signature may hold
/// only so many bytes, per client address (then 429) and in all (then 503), and what they held is released when they end.
/// </summary>
public sealed class UnverifiedBodyBytesTests : IAsyncLifetime
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int PerAddress = 2 * MaxBodyBytes;
    private const int InAll = 2 * PerAddress;

    private KestrelHost _host = null!;

    private UnverifiedBodyBytes Held => _host.Factory.Services.GetRequiredService<UnverifiedBodyBytes>();

    public Task InitializeAsync()
    {
        _host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Conversations:Providers:Generic:Enabled"] = "true",
            ["Conversations:Providers:Generic:SigningSecret"] = FuzzProviders.GenericSecret,
            ["Conversations:Ingestion:MaxBodyBytes"] = MaxBodyBytes.ToString(),
            ["Conversations:Ingestion:UnverifiedBodies:MaxBytesPerAddress"] = PerAddress.ToString(),
            ["Conversations:Ingestion:UnverifiedBodies:MaxBytes"] = InAll.ToString(),
            // The uploads stall: neither the body-read timeout nor Kestrel's data rate may end them during a test.
            ["Conversations:Ingestion:BodyReadTimeoutSeconds"] = "120",
            ["Conversations:Http:MinRequestBodyGraceSeconds"] = "120",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StalledUploads_AreRefusedOverTheAddressShare_ThenOverTheTotal_AndTheirBytesComeBackWhenTheyEnd()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var first = IPAddress.Parse("127.0.0.2");
        var second = IPAddress.Parse("127.0.0.3");
        var third = IPAddress.Parse("127.0.0.4");
        var stalled = new List<RawHttpConnection>();
        try
        {
            // Two stalled uploads declaring the largest body fill the first address's share.
            stalled.AddRange(await StartStalledUploadsAsync(first, 2, deadline.Token));
            await WaitUntilHeldAsync(PerAddress);

            var overShare = await StartStalledUploadAsync(first, deadline.Token);
            var clock = Stopwatch.StartNew();
            var overShareAnswer = await overShare.ReadUntilClosedAsync(deadline.Token);
            Assert.Equal(429, overShareAnswer.Status);
            Assert.Contains("rate-limited", overShareAnswer.Body, StringComparison.Ordinal);
            Assert.Contains("MaxBytesPerAddress", overShareAnswer.Body, StringComparison.Ordinal);
            Assert.Contains("Retry-After: 120", overShareAnswer.Head, StringComparison.OrdinalIgnoreCase);

            // Another address has a share of its own, until all unverified bodies together reach the total.
            stalled.AddRange(await StartStalledUploadsAsync(second, 2, deadline.Token));
            await WaitUntilHeldAsync(InAll);
            var overTotal = await StartStalledUploadAsync(third, deadline.Token);
            var overTotalAnswer = await overTotal.ReadUntilClosedAsync(deadline.Token);
            Assert.Equal(503, overTotalAnswer.Status);
            Assert.Contains("overloaded", overTotalAnswer.Body, StringComparison.Ordinal);
            Assert.Contains("Retry-After:", overTotalAnswer.Head, StringComparison.OrdinalIgnoreCase);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"refusals took {clock.Elapsed.TotalSeconds:F1} s");

            // When the first address's uploads end, their bytes are released and a signed delivery gets through.
            foreach (var connection in stalled.Take(2)) connection.Dispose();
            await WaitUntilHeldAsync(InAll - PerAddress);
            using var client = _host.ClientFrom(third);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignedDelivery(), deadline.Token)).StatusCode);
            Assert.Equal(InAll - PerAddress, Held.Held);
        }
        finally
        {
            foreach (var connection in stalled) connection.Dispose();
        }
    }

    [Fact]
    public async Task ChunkedUploadsWithoutADeclaredLength_HoldWhatHasArrived_AndTheOneThatCrossesTheShareIsRefused()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var client = IPAddress.Parse("127.0.0.5");
        var chunk = new string(' ', 12 * 1024);
        var uploads = new List<RawHttpConnection>();
        try
        {
            // Three uploads of 12 KiB each, one after the other: 36 KiB is over the 32 KiB share, 24 KiB is not.
            for (var i = 0; i < 3; i++)
            {
                var upload = await RawHttpConnection.OpenAsync(_host.Endpoint, deadline.Token, client);
                uploads.Add(upload);
                await upload.SendAsync(RawHttpConnection.PostHead("/webhooks/generic", contentLength: null) + $"{chunk.Length:x}\r\n{chunk}\r\n", deadline.Token);
            }
            var answers = uploads.Select(u => u.ReadStatusAsync(deadline.Token)).ToList();

            var firstAnswered = await Task.WhenAny(answers);
            await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);

            Assert.Equal(429, await firstAnswered);
            Assert.Equal(1, answers.Count(answer => answer.IsCompleted));
            Assert.Equal(2 * chunk.Length, Held.Held);
        }
        finally
        {
            foreach (var upload in uploads) upload.Dispose();
        }
    }

    private async Task<List<RawHttpConnection>> StartStalledUploadsAsync(IPAddress source, int count, CancellationToken cancellationToken)
    {
        var uploads = new List<RawHttpConnection>();
        for (var i = 0; i < count; i++) uploads.Add(await StartStalledUploadAsync(source, cancellationToken));
        return uploads;
    }

    private async Task<RawHttpConnection> StartStalledUploadAsync(IPAddress source, CancellationToken cancellationToken)
    {
        var upload = await RawHttpConnection.OpenAsync(_host.Endpoint, cancellationToken, source);
        await upload.SendAsync(RawHttpConnection.PostHead("/webhooks/generic", MaxBodyBytes) + "{\"type\":", cancellationToken);
        return upload;
    }

    private async Task WaitUntilHeldAsync(long bytes)
    {
        var clock = Stopwatch.StartNew();
        while (Held.Held != bytes)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"held {Held.Held} bytes, expected {bytes}");
            await Task.Delay(20);
        }
    }

    private static HttpRequestMessage SignedDelivery()
    {
        var body = Encoding.UTF8.GetBytes(Payloads.Text("generic/01-replied.json").Replace("Dana.Scully@Contoso.example", Payloads.NewEmail(), StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/generic") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in StandardWebhookSigner.Headers(body, FuzzProviders.GenericSecret, $"msg_{Guid.NewGuid():N}", DateTimeOffset.UtcNow))
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
