using System.Diagnostics;
using System.Globalization;
using Conversations.LoadTest.Measurement;

namespace Conversations.LoadTest.Load;

/// <summary>Once a second, a line on stderr: phase, elapsed time, requests so far and the last second's rate.</summary>
internal static class ProgressReporter
{
    public static async Task RunAsync(string label, PhaseClock clock, LiveCounters live, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var lastRequests = 0L;
        var lastAt = clock.Start;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                var requests = live.Requests;
                var rate = (requests - lastRequests) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
                var phase = clock.PhaseAt(now) switch
                {
                    RunPhase.Warmup => "warm-up ",
                    RunPhase.Measured => "measured",
                    _ => "draining",
                };
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{label}] {phase} {clock.Elapsed(now).TotalSeconds,5:0}s  requests {requests,9:N0}  rate {rate,8:N0}/s  non-2xx {live.NonSuccess:N0}  errors {live.Errors:N0}"));
                lastRequests = requests;
                lastAt = now;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
