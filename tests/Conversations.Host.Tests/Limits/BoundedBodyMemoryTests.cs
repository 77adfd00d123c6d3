using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Conversations.Host.Tests.Limits;

/// <summary>
/// Unauthenticated callers can open connections to /webhooks and declare any Content-Length. The server's memory
/// must follow the bytes that arrive, not the bytes declared, and slow bodies must be cut off in bounded time.
/// Runs alone: other tests' hosts starting at the same time would show up as growth.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class BoundedBodyMemoryTests(ITestOutputHelper output)
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private const int SlowConnections = 200;
    private const int OversizedUploads = 8;
    private const int BodyReadTimeoutSeconds = 3;
    // Reading the declared bodies into memory would take 200 × 16 MiB = 3.2 GiB; a twelfth of that is headroom for the GC.
    private const long AllowedGrowthBytes = 256L * 1024 * 1024;

    private static readonly string WebhookPath = $"/webhooks/salesforge/{KestrelHost.Token}";

    [Fact]
    public async Task ManySlowUploadsDeclaringLargeBodies_UseLittleMemory_AndAreCutOffInBoundedTime()
    {
        await using var host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Conversations:Ingestion:MaxBodyBytes"] = MaxBodyBytes.ToString(),
            ["Conversations:Ingestion:BodyReadTimeoutSeconds"] = BodyReadTimeoutSeconds.ToString(),
            // Kestrel's minimum data rate would cut these connections too; its grace is longer so the 408 path is what runs.
            ["Conversations:Http:MinRequestBodyGraceSeconds"] = "30",
            ["Conversations:Ingestion:UnverifiedBodies:MaxBytesPerAddress"] = MaxBodyBytes.ToString(),
        });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync(WebhookPath, Payloads.Fixture("salesforge/01-email_sent.json", Payloads.NewEmail()), deadline.Token)).StatusCode);
        var baseline = SettledManagedMemory();

        var connections = new List<RawHttpConnection>();
        try
        {
            var started = Stopwatch.StartNew();
            for (var i = 0; i < SlowConnections; i++)
                connections.Add(await RawHttpConnection.OpenAsync(host.Endpoint, deadline.Token));
            var oversized = new List<RawHttpConnection>();
            for (var i = 0; i < OversizedUploads; i++)
                oversized.Add(await RawHttpConnection.OpenAsync(host.Endpoint, deadline.Token));
            connections.AddRange(oversized);

            // Each slow upload declares nearly the limit, then sends a few bytes in three dribbles and stalls.
            await Task.WhenAll(connections.Take(SlowConnections).Select(c => c.SendAsync(RawHttpConnection.PostHead(WebhookPath, MaxBodyBytes - 1), deadline.Token)));
            foreach (var dribble in new[] { "{\"we", "bhook", "Info" })
            {
                await Task.Delay(200, deadline.Token);
                await Task.WhenAll(connections.Take(SlowConnections).Select(c => c.SendAsync(dribble, deadline.Token)));
            }
            // Each oversized upload declares four times the limit and sends its first bytes.
            await Task.WhenAll(oversized.Select(c => c.SendAsync(RawHttpConnection.PostHead(WebhookPath, 4L * MaxBodyBytes) + "{\"webhookInfo\": {", deadline.Token)));

            await Task.Delay(500, deadline.Token);
            var held = SettledManagedMemory();

            var answers = await Task.WhenAll(connections.Select(c => c.ReadUntilClosedAsync(deadline.Token)));
            var allClosedAfter = started.Elapsed;

            var growth = held - baseline;
            output.WriteLine($"managed memory growth {growth / 1024} KiB; all connections ended after {allClosedAfter.TotalSeconds:F1} s");
            Assert.True(growth < AllowedGrowthBytes,
                $"Managed memory grew by {growth / (1024 * 1024)} MiB while {SlowConnections} uploads declared {(long)SlowConnections * MaxBodyBytes / (1024 * 1024)} MiB in all.");
            Assert.All(answers.Take(SlowConnections), answer =>
            {
                Assert.Equal(408, answer.Status);
                Assert.Contains("body-too-slow", answer.Body, StringComparison.Ordinal);
            });
            Assert.All(answers.Skip(SlowConnections), answer =>
            {
                Assert.Equal(413, answer.Status);
                Assert.Contains("body-too-large", answer.Body, StringComparison.Ordinal);
            });
            Assert.True(allClosedAfter < TimeSpan.FromSeconds(BodyReadTimeoutSeconds + 20),
                $"The last slow upload was cut off only after {allClosedAfter.TotalSeconds:F1} s.");
        }
        finally
        {
            foreach (var connection in connections) connection.Dispose();
        }
    }

    // Host and test share the process: a full collection leaves only what is reachable, the server's buffers included.
    private static long SettledManagedMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}
