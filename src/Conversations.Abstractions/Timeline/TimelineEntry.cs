using Conversations.Abstractions.Events;

namespace Conversations.Abstractions.Timeline;

/// <summary>An event as stored in a lead's timeline. <see cref="Position"/> grows with each append (arrival order).</summary>
[GenerateSerializer, Immutable, Alias("conversations.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] long Position,
    [property: Id(1)] ConversationEvent Event);
