using System.Collections.Concurrent;
using System.Diagnostics;
using Conversations.LoadTest.Load;
using Conversations.LoadTest.Workload;

namespace Conversations.LoadTest.Delivery;

/// <summary>
/// Posts deliveries at a fixed rate (an open loop: the n-th request is due at start + n / rate, whatever the answers
/// of the ones before), and notes, for each event a 200 says is new, when its request was due and when it was answered.
/// </summary>
internal sealed class PacedLoad(DeliveryOptions options)
{
    private readonly ConcurrentDictionary<string, (long Due, long Answered)> _sent = new(StringComparer.Ordinal);
    private long _next = -1;
    private long _failed;

    /// <summary>Per new event sent in the measured period: when its request was due and when it was answered (Stopwatch timestamps).</summary>
    public IReadOnlyDictionary<string, (long Due, long Answered)> Sent => _sent;

    public long Failed => Interlocked.Read(ref _failed);

    public async Task RunAsync()
    {
        var source = new DeliverySource(options.Leads, campaigns: 20, redeliveryRate: 0, runId: Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4)), options.Seed);
        using var client = WebhookClient.Create(options.Connections, TimeSpan.FromSeconds(30));
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + options.WarmupSeconds * Stopwatch.Frequency;
        var total = (long)options.Rate * (options.WarmupSeconds + options.DurationSeconds);
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(i => Task.Run(() => LoopAsync(client, source, new LoopCursor(unchecked((int)options.Seed + i)), start, measuredFrom, total))));
    }

    private async Task LoopAsync(HttpClient client, DeliverySource source, LoopCursor cursor, long start, long measuredFrom, long total)
    {
        while (Interlocked.Increment(ref _next) is var n && n < total)
        {
            var due = start + n * Stopwatch.Frequency / options.Rate;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            Workload.Delivery delivery;
            lock (source) delivery = source.Next(cursor);
            try
            {
                using var request = WebhookClient.Post(options.Endpoint, delivery.Body);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var answered = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _failed);
                    continue;
                }
                if (due < measuredFrom) continue;
                foreach (var eventId in SentEvents.NewIn(body)) _sent.TryAdd(eventId, (due, answered));
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }
}
