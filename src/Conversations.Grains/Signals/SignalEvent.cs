using Conversations.Abstractions.Events;

namespace Conversations.Grains.Signals;

/// <summary>
/// What the rules need to keep of one timeline event, small enough to hold for a lead's whole history in its state:
/// a reply's text is read once, when it is kept, and only its intent stays.
/// </summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Kind">The event's kind.</param>
/// <param name="Channel">Where it happened.</param>
/// <param name="Direction">Inbound or outbound, for messages.</param>
/// <param name="OccurredAt">When, by the provider's clock.</param>
/// <param name="CampaignKey">Its campaign, if any.</param>
/// <param name="ReplyKey">For a reply or a classification: the reply it is about (the provider and its message id), else null.</param>
/// <param name="Sentiment">A classification's sentiment.</param>
/// <param name="TextIntent">For a reply: what its text says (<see cref="ReplyIntentClassifier"/>).</param>
[GenerateSerializer, Immutable, Alias("conversations.SignalEvent")]
public sealed record SignalEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] EventKind Kind,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] Direction Direction,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string? CampaignKey,
    [property: Id(6)] string? ReplyKey,
    [property: Id(7)] ReplySentiment? Sentiment,
    [property: Id(8)] ReplyIntent? TextIntent)
{
    /// <summary>The part of <paramref name="event"/> a rule may look at; null for an event no rule looks at.</summary>
    public static SignalEvent? From(ConversationEvent @event, ReplyIntentClassifier classifier)
    {
        var isReply = @event.IsReply;
        var aboutAReply = isReply || @event.Kind == EventKind.ReplyClassified;
        if (!aboutAReply && SignalFacts.KindOf(@event.Kind, @event.Direction) is null) return null;
        var replyKey = aboutAReply
            ? @event.MessageId is { } messageId ? $"{@event.Provider}:{messageId}" : @event.EventId
            : null;
        return new SignalEvent(@event.EventId, @event.Kind, @event.Channel, @event.Direction, @event.OccurredAt, @event.Campaign?.Key,
            replyKey, @event.Sentiment, isReply ? classifier.Classify(@event.Subject, @event.Text).Intent : null);
    }
}
