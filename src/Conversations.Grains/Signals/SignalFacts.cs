using Conversations.Abstractions.Events;

namespace Conversations.Grains.Signals;

/// <summary>
/// Turns timeline events into <see cref="SignalFact"/>s: one per open, click, opt-out and outbound touch, and one per
/// reply, keyed by its message id, whose intent is the provider's classification where one arrived (before or after
/// the reply), else the classifier's reading of the reply.
/// </summary>
public static class SignalFacts
{
    public static IReadOnlyList<SignalFact> Of(IEnumerable<ConversationEvent> events, ReplyIntentClassifier classifier)
    {
        var facts = new List<SignalFact>();
        var replies = new Dictionary<string, (ConversationEvent? Reply, ConversationEvent? Classification)>(StringComparer.Ordinal);
        foreach (var @event in events)
        {
            if (@event.IsReply || @event.Kind == EventKind.ReplyClassified)
            {
                var key = @event.MessageId ?? @event.EventId;
                var (reply, classification) = replies.GetValueOrDefault(key);
                replies[key] = @event.Kind == EventKind.ReplyClassified ? (reply, @event) : (reply ?? @event, classification);
                continue;
            }
            if (KindOf(@event) is { } kind)
                facts.Add(new SignalFact(@event.EventId, kind, @event.Channel, @event.OccurredAt, @event.Campaign?.Key, null, @event.EventId, [@event.EventId]));
        }
        foreach (var (key, (reply, classification)) in replies)
        {
            var about = reply ?? classification!;
            var intent = IntentOf(classification?.Sentiment) ?? (reply is null ? ReplyIntent.Neutral : classifier.Classify(reply.Subject, reply.Text).Intent);
            var sources = new[] { reply?.EventId, classification?.EventId }.OfType<string>().ToList();
            facts.Add(new SignalFact(about.EventId, FactKind.Reply, about.Channel, about.OccurredAt,
                (reply?.Campaign ?? classification?.Campaign)?.Key, intent, key, sources));
        }
        return facts.OrderBy(f => f.OccurredAt).ThenBy(f => f.EventId, StringComparer.Ordinal).ToList();
    }

    private static FactKind? KindOf(ConversationEvent @event) => @event.Kind switch
    {
        EventKind.Opened => FactKind.Opened,
        EventKind.Clicked => FactKind.Clicked,
        EventKind.Unsubscribed => FactKind.Unsubscribed,
        EventKind.Bounced => FactKind.Bounced,
        EventKind.Sent => FactKind.OutboundTouch,
        EventKind.Message when @event.Direction == Direction.Outbound => FactKind.OutboundTouch,
        _ => null,
    };

    private static ReplyIntent? IntentOf(ReplySentiment? sentiment) => sentiment switch
    {
        ReplySentiment.Positive => ReplyIntent.Positive,
        ReplySentiment.Negative => ReplyIntent.Negative,
        ReplySentiment.Neutral => ReplyIntent.Neutral,
        _ => null,
    };
}
