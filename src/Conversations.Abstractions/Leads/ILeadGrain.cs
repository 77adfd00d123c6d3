using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;

namespace Conversations.Abstractions.Leads;

/// <summary>One lead's durable conversation timeline and the state derived from it; keyed by <see cref="LeadKey"/>.</summary>
[Alias("conversations.ILeadGrain")]
public interface ILeadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends events that are not yet in the timeline; returns once they are durable. With a
    /// <paramref name="delivery"/>, the raw delivery they came in is archived in the same transaction.
    /// </summary>
    [Alias("Append")]
    Task<AppendResult> AppendAsync(IReadOnlyList<ConversationEvent> events, RawDelivery? delivery = null);

    /// <summary>The lead's identities, status and counts, or null when it has no events.</summary>
    [Alias("Get")]
    Task<LeadView?> GetAsync();

    /// <summary>The timeline in occurred-at order (ties in arrival order).</summary>
    [Alias("GetTimeline")]
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync();
}
