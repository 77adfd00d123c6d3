using Conversations.Abstractions.Timeline;

namespace Conversations.Abstractions.Leads;

/// <summary>One lead's durable conversation timeline and the state derived from it; keyed by its <see cref="LeadId"/>.</summary>
[Alias("conversations.ILeadGrain")]
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends events that are not yet in the timeline, links the aliases the append claims and archives its raw
    /// delivery, all in one transaction; returns once they are durable (or, when a claim lost, that nothing was written).
    /// </summary>
    [Alias("Append")]
    Task<AppendResult> AppendAsync(LeadAppend append);

    /// <summary>The lead's identities, status and counts, or null when it has no events.</summary>
    [Alias("Get")]
    Task<LeadView?> GetAsync();

    /// <summary>The timeline in occurred-at order (ties in arrival order).</summary>
    [Alias("GetTimeline")]
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync();

    /// <summary>Drops the state held in memory; the next call builds it again from the log (after an unmerge moved rows).</summary>
    [Alias("Reload")]
    Task ReloadAsync();
}
