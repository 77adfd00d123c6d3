using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Conversations.Storage.GroupCommit;

/// <summary>
/// What group commits report: a histogram of batch sizes and one of commit durations on the meter
/// <see cref="Name"/>, tagged with the queue's name; and on the activity source of the same name, a span per item from
/// its enqueue to its commit (a child of the caller's span, so a webhook's trace reaches its commit) and a span per
/// batch linked to its items' spans.
/// </summary>
public static class GroupCommitTelemetry
{
    public const string Name = "Orleans.Conversations.Storage";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "conversations.storage.group_commit.batch_size", unit: "{item}", description: "Items committed together in one transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "conversations.storage.group_commit.duration", unit: "s", description: "Time one group commit took, from its start to its durable end.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
}
