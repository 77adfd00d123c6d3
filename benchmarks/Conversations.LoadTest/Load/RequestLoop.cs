using System.Diagnostics;
using Conversations.LoadTest.Measurement;
using Conversations.LoadTest.Workload;

namespace Conversations.LoadTest.Load;

/// <summary>
/// One closed-loop client: post a delivery, wait for the whole answer, record it, repeat until the
/// measured period is over. The latency covers sending the body through reading the response body.
/// </summary>
internal sealed class RequestLoop(HttpClient client, Uri endpoint, DeliverySource source, PhaseClock clock, LiveCounters live, int seed)
{
    private static readonly TimeSpan ErrorBackoff = TimeSpan.FromMilliseconds(20);

    public PhaseStats Warmup { get; } = new();

    public PhaseStats Measured { get; } = new();

    public async Task RunAsync(CancellationToken hardStop)
    {
        var cursor = new LoopCursor(seed);
        while (!hardStop.IsCancellationRequested)
        {
            var phase = clock.PhaseAt(Stopwatch.GetTimestamp());
            if (phase == RunPhase.Done) return;
            var stats = phase == RunPhase.Warmup ? Warmup : Measured;
            var delivery = source.Next(cursor);

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = WebhookClient.Post(endpoint, delivery.Body);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, hardStop);
                var body = await response.Content.ReadAsByteArrayAsync(hardStop);
                var completed = Stopwatch.GetTimestamp();
                var status = (int)response.StatusCode;
                var receipt = response.IsSuccessStatusCode ? Receipt.Read(body) : null;
                stats.RecordResponse(delivery.Kind, status, receipt, completed - started, completed);
                live.Response(status);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                stats.RecordError(delivery.Kind, ErrorNames.Of(exception, hardStop), Stopwatch.GetTimestamp());
                live.Error();
                if (!hardStop.IsCancellationRequested) await Task.Delay(ErrorBackoff, CancellationToken.None);
            }
        }
    }
}
