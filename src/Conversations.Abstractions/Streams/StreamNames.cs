namespace Conversations.Abstractions.Streams;

/// <summary>
/// Where events are published. Each lead has one stream in <see cref="LeadEventsNamespace"/>, keyed by its
/// lead key, carrying every <see cref="Events.ConversationEvent"/> newly applied to its timeline.
/// </summary>
public static class StreamNames
{
    public const string Provider = "conversations";
    public const string LeadEventsNamespace = "lead-events";
}
