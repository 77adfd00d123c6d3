using System.Diagnostics;
using System.Globalization;
using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Delivery;

/// <summary>
/// Webhook to subscriber: posts deliveries at a fixed rate while an Orleans client subscribed to every event partition
/// notes when each new event arrives; prints, over the measured period, the latency from a request's due time to its
/// 200 and to its event's arrival at the subscriber, and how many new events never arrived.
/// </summary>
internal static class DeliveryLatencyCommand
{
    private static readonly TimeSpan Stragglers = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(DeliveryOptions options)
    {
        await using var subscriber = await EventSubscriber.ConnectAsync(options);
        var load = new PacedLoad(options);
        await load.RunAsync();
        var waitedFrom = Stopwatch.GetTimestamp();
        while (load.Sent.Keys.Any(id => !subscriber.Arrivals.ContainsKey(id)) && Stopwatch.GetElapsedTime(waitedFrom) < Stragglers)
            await Task.Delay(100);

        var toAnswer = new Percentiles(load.Sent.Values.Select(sent => sent.Answered - sent.Due));
        var toSubscriber = new Percentiles(load.Sent.Where(sent => subscriber.Arrivals.ContainsKey(sent.Key))
            .Select(sent => subscriber.Arrivals[sent.Key] - sent.Value.Due));
        var missing = load.Sent.Count - toSubscriber.Count;
        var rate = load.Sent.Count / (double)options.DurationSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== webhook to subscriber: {options.Rate:N0} requests/s offered for {options.DurationSeconds} s after {options.WarmupSeconds} s warm-up; {load.Sent.Count:N0} new events ({rate:N0}/s), {load.Failed:N0} failed requests =="));
        Console.WriteLine("path                  |   p50 ms |   p90 ms |   p99 ms |   max ms");
        Console.WriteLine(Row("webhook -> 200", toAnswer));
        Console.WriteLine(Row("webhook -> subscriber", toSubscriber));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events never received by the subscriber: {missing:N0}"));
        return missing == 0 && load.Failed == 0 ? 0 : 1;
    }

    private static string Row(string name, Percentiles latencies) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-21} | {latencies.At(0.50),8:F2} | {latencies.At(0.90),8:F2} | {latencies.At(0.99),8:F2} | {latencies.Max,8:F2}");
}
