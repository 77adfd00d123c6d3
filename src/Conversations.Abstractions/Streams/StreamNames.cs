using System.Text;

namespace Conversations.Abstractions.Streams;

/// <summary>
/// Where events are published: provider <see cref="Provider"/>, namespace <see cref="EventsNamespace"/>, in
/// <see cref="PartitionCount"/> partition streams keyed 0..N-1 (<c>StreamId.Create(EventsNamespace, partition)</c>). A lead's events always go to the same partition
/// (<see cref="PartitionOf"/>), in the order they were applied, so a subscriber sees each lead's events in order.
/// Partitions rather than a stream per lead: each new stream costs Orleans a subscription lookup, which at
/// thousands of new leads a second would cost more than the ingestion itself.
/// </summary>
public static class StreamNames
{
    public const string Provider = "conversations";
    public const string EventsNamespace = "conversation-events";

    /// <summary>Where new signals are published, partitioned like the events: a lead's signals go to <see cref="PartitionOf"/> its id.</summary>
    public const string SignalsNamespace = "conversation-signals";

    /// <summary>
    /// Events of one kind, keyed by the kind's wire name (e.g. <c>replied</c>); published only when
    /// <c>Conversations:Streams:EventsByKindAndCampaign</c> is on.
    /// </summary>
    public const string EventsByKindNamespace = "conversation-events-by-kind";

    /// <summary>Events of one campaign, keyed by its campaign key; published only when <c>Conversations:Streams:EventsByKindAndCampaign</c> is on.</summary>
    public const string EventsByCampaignNamespace = "conversation-events-by-campaign";

    /// <summary>Signals of one type, keyed by the type (e.g. <c>StreamId.Create(SignalsByTypeNamespace, "hot-lead")</c>).</summary>
    public const string SignalsByTypeNamespace = "conversation-signals-by-type";

    /// <summary>Signals about one campaign, keyed by its campaign key (e.g. <c>salesforge:seq_1</c>).</summary>
    public const string SignalsByCampaignNamespace = "conversation-signals-by-campaign";

    public const int PartitionCount = 8;

    /// <summary>The partition of a lead's events: a stable hash of the lead id (the same in every process and version).</summary>
    public static int PartitionOf(string leadId)
    {
        // FNV-1a over UTF-8: string.GetHashCode is randomized per process, so it cannot place a lead.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(leadId)) hash = (hash ^ b) * 16777619u;
        return (int)(hash % PartitionCount);
    }

    /// <summary>The partition keys: subscribe to <c>StreamId.Create(EventsNamespace, key)</c> (or <see cref="SignalsNamespace"/>) for each to see every event (or signal).</summary>
    public static IReadOnlyList<int> PartitionKeys { get; } = Enumerable.Range(0, PartitionCount).ToArray();
}
