using Conversations.Abstractions.Events;

namespace Conversations.Abstractions.Timeline;

/// <summary>One lead's events and the funnel marks they imply, written in one transaction.</summary>
public sealed record TimelineAppend(
    string LeadKey,
    IReadOnlyList<ConversationEvent> Events,
    IReadOnlyList<FunnelMark> FunnelMarks);
