using System.Diagnostics;
using Conversations.LoadTest.Measurement;
using Conversations.LoadTest.Workload;

namespace Conversations.LoadTest.Load;

/// <summary>
/// Runs <c>connections</c> request loops through warm-up and the measured period, then lets each finish the
/// request it has in flight (bounded by the request timeout, and by a hard limit on the whole run).
/// </summary>
internal static class LoadRunner
{
    private static readonly TimeSpan HardLimitSlack = TimeSpan.FromSeconds(10);

    public static async Task<LoadResult> RunAsync(LoadOptions options)
    {
        var source = new DeliverySource(options.Leads, options.Campaigns, options.RedeliveryRate, options.RunId, options.Seed);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        using var client = WebhookClient.Create(options.Connections, timeout);
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);

        var live = new LiveCounters();
        var clock = new PhaseClock(warmup, duration);
        var loops = Enumerable.Range(0, options.Connections)
            .Select(i => new RequestLoop(client, options.Endpoint, source, clock, live, unchecked((int)options.Seed + i)))
            .ToArray();

        using var hardStop = new CancellationTokenSource(warmup + duration + timeout + HardLimitSlack);
        using var progressStop = new CancellationTokenSource();
        var progress = ProgressReporter.RunAsync(options.Label, clock, live, progressStop.Token);
        await Task.WhenAll(loops.Select(loop => Task.Run(() => loop.RunAsync(hardStop.Token))));
        await progressStop.CancelAsync();
        await progress;

        var warmupStats = new PhaseStats();
        var measuredStats = new PhaseStats();
        foreach (var loop in loops)
        {
            warmupStats.Add(loop.Warmup);
            measuredStats.Add(loop.Measured);
        }
        var elapsed = measuredStats.Requests == 0
            ? duration
            : Stopwatch.GetElapsedTime(clock.MeasuredStart, measuredStats.LastCompletedTimestamp);
        return new LoadResult(warmupStats, measuredStats, elapsed);
    }
}
