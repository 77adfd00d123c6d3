using Conversations.LoadTest.Load;
using Conversations.LoadTest.Measurement;
using Conversations.LoadTest.Workload;

namespace Conversations.LoadTest.Report;

/// <summary>
/// The result of one <c>load</c> run: the measured period's figures, plus totals over the whole run
/// (warm-up included), which is what the stored row count must be compared with.
/// </summary>
internal sealed record LoadSummary(
    string Label,
    string Endpoint,
    string RunId,
    int Connections,
    int Leads,
    int Campaigns,
    double RedeliveryRate,
    int WarmupSeconds,
    int DurationSeconds,
    double MeasuredSeconds,
    long Requests,
    long Success,
    IReadOnlyDictionary<string, long> NonSuccessByStatus,
    IReadOnlyDictionary<string, long> ErrorsByType,
    double RequestsPerSecond,
    long AppliedEvents,
    double AppliedEventsPerSecond,
    bool AppliedReportedByEndpoint,
    long DuplicatesReported,
    MixSummary Mix,
    LatencySummary LatencyMs,
    RunTotals WholeRun)
{
    public static LoadSummary From(LoadOptions options, LoadResult result)
    {
        var measured = result.Measured;
        var seconds = Math.Max(result.MeasuredElapsed.TotalSeconds, 1e-9);
        return new LoadSummary(
            options.Label,
            options.Endpoint.ToString(),
            options.RunId,
            options.Connections,
            options.Leads,
            options.Campaigns,
            options.RedeliveryRate,
            options.WarmupSeconds,
            options.DurationSeconds,
            Math.Round(result.MeasuredElapsed.TotalSeconds, 3),
            measured.Requests,
            measured.Success,
            measured.NonSuccessByStatus.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
            measured.ErrorsByType.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
            measured.Requests / seconds,
            measured.Applied,
            measured.Applied / seconds,
            measured.ReceiptsWithApplied > 0,
            measured.Duplicates,
            MixSummary.From(measured),
            LatencySummary.From(new Percentiles(measured.LatencyTicks)),
            RunTotals.From(result.Warmup, measured));
    }
}

/// <summary>Requests of each kind in the measured period.</summary>
internal sealed record MixSummary(long Sent, long Opened, long Clicked, long Replied, long Redelivered)
{
    public static MixSummary From(PhaseStats stats) => new(
        stats.ByKind[(int)DeliveryKind.Sent],
        stats.ByKind[(int)DeliveryKind.Opened],
        stats.ByKind[(int)DeliveryKind.Clicked],
        stats.ByKind[(int)DeliveryKind.Replied],
        stats.ByKind[(int)DeliveryKind.Redelivery]);
}

/// <summary>Latency of the measured requests that got an HTTP answer (any status), in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencySummary From(Percentiles p) =>
        new(Round(p.At(0.50)), Round(p.At(0.90)), Round(p.At(0.99)), Round(p.Max), Round(p.Mean));

    private static double Round(double ms) => Math.Round(ms, 3);
}

/// <summary>Warm-up plus measured period: every request this run made.</summary>
internal sealed record RunTotals(long Requests, long Success, long NonSuccess, long Errors, long AppliedEvents, long DuplicatesReported, long Redeliveries)
{
    public static RunTotals From(params PhaseStats[] phases) => new(
        phases.Sum(p => p.Requests),
        phases.Sum(p => p.Success),
        phases.Sum(p => p.NonSuccessByStatus.Values.Sum()),
        phases.Sum(p => p.ErrorsByType.Values.Sum()),
        phases.Sum(p => p.Applied),
        phases.Sum(p => p.Duplicates),
        phases.Sum(p => p.ByKind[(int)DeliveryKind.Redelivery]));
}
