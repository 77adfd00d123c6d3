using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Testing;

/// <summary>Appends for tests that talk to a lead grain directly, past the lead directory.</summary>
public static class LeadGrainShorthands
{
    /// <summary>Appends <paramref name="events"/> as if they arrived under the grain's own key, claiming no alias.</summary>
    public static Task<AppendResult> AppendEventsAsync(this ILeadGrain grain, IReadOnlyList<ConversationEvent> events) =>
        grain.AppendAsync(new LeadAppend(events, grain.GetPrimaryKeyString(), []));
}
