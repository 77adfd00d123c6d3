using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Grains.Leads;

/// <summary>
/// State derived from a lead's timeline, persisted lazily: the log is the truth, and <see cref="Position"/>
/// says how much of it this snapshot covers. Every field merges order-independently (max status, min/max
/// times, sums), so a late event gives the same state as one that arrived in order.
/// </summary>
[GenerateSerializer, Alias("conversations.LeadSnapshot")]
public sealed class LeadSnapshot
{
    /// <summary>The highest log position applied.</summary>
    [Id(0)] public long Position { get; set; }
    [Id(1)] public SortedSet<string> Emails { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public SortedSet<string> LinkedInPublicIds { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public SortedSet<string> Phones { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public string? FirstName { get; set; }
    [Id(5)] public string? LastName { get; set; }
    [Id(6)] public string? Company { get; set; }
    [Id(7)] public LeadStatus Status { get; set; }
    [Id(8)] public DateTimeOffset? FirstActivityAt { get; set; }
    [Id(9)] public DateTimeOffset? LastActivityAt { get; set; }
    [Id(10)] public Dictionary<EventKind, int> Counts { get; set; } = [];
    [Id(11)] public ReplySentiment? LatestReplySentiment { get; set; }
    [Id(12)] public DateTimeOffset? LatestReplySentimentAt { get; set; }
    [Id(13)] public int EventCount { get; set; }
    [Id(14)] public SortedSet<string> Campaigns { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Per reply message id, what is known of it: a classification may name the reply but not its campaign.</summary>
    [Id(15)] public Dictionary<string, ReplyFacts> Replies { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The lead's generation (merges and unmerges that moved its rows) this state was built at.</summary>
    [Id(16)] public int Generation { get; set; }
    /// <summary>By event id, what the signal rules need of each event they look at (<see cref="Signals.SignalEvent"/>).</summary>
    [Id(17)] public Dictionary<string, Signals.SignalEvent> SignalEvents { get; set; } = new(StringComparer.Ordinal);
    /// <summary>
    /// What this snapshot holds, as of when it was written: <see cref="CurrentContent"/>, or less (a snapshot written
    /// before <see cref="SignalEvents"/> existed reads as 0), and then it is not used.
    /// </summary>
    [Id(18)] public int Content { get; set; }

    /// <summary>1: <see cref="SignalEvents"/> included.</summary>
    public const int CurrentContent = 1;
}

[GenerateSerializer, Alias("conversations.ReplyFacts")]
public sealed class ReplyFacts
{
    [Id(0)] public string? CampaignKey { get; set; }
    [Id(1)] public string? CampaignName { get; set; }
    [Id(2)] public ReplySentiment? Sentiment { get; set; }
}
