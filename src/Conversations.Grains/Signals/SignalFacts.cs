using Conversations.Abstractions.Events;

namespace Conversations.Grains.Signals;

/// <summary>
/// Turns a lead's <see cref="SignalEvent"/>s into <see cref="SignalFact"/>s: one per open, click, opt-out and outbound
/// touch, and one per reply, keyed by the reply it is about, whose intent is the provider's classification where one
/// arrived (with the reply, or before or after it), else what the reply's text says.
/// </summary>
public static class SignalFacts
{
    public static IReadOnlyList<SignalFact> Of(IEnumerable<SignalEvent> events)
    {
        var facts = new List<SignalFact>();
        var replies = new Dictionary<string, (SignalEvent? Reply, SignalEvent? Classification)>(StringComparer.Ordinal);
        foreach (var @event in events)
        {
            if (@event.ReplyKey is { } key)
            {
                var (reply, classification) = replies.GetValueOrDefault(key);
                replies[key] = @event.Kind == EventKind.ReplyClassified ? (reply, @event) : (reply ?? @event, classification);
                continue;
            }
            if (KindOf(@event.Kind, @event.Direction) is { } kind)
                facts.Add(new SignalFact(@event.EventId, kind, @event.Channel, @event.OccurredAt, @event.CampaignKey, null, @event.EventId, [@event.EventId]));
        }
        foreach (var (key, (reply, classification)) in replies)
        {
            var about = reply ?? classification!;
            var intent = IntentOf(classification?.Sentiment ?? reply?.Sentiment) ?? reply?.TextIntent ?? ReplyIntent.Neutral;
            var sources = new[] { reply?.EventId, classification?.EventId }.OfType<string>().ToList();
            facts.Add(new SignalFact(about.EventId, FactKind.Reply, about.Channel, about.OccurredAt,
                reply?.CampaignKey ?? classification?.CampaignKey, intent, key, sources));
        }
        return facts.OrderBy(f => f.OccurredAt).ThenBy(f => f.EventId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The fact an event of this kind and direction is, other than a reply; null when it is none.</summary>
    internal static FactKind? KindOf(EventKind kind, Direction direction) => kind switch
    {
        EventKind.Opened => FactKind.Opened,
        EventKind.Clicked => FactKind.Clicked,
        EventKind.Unsubscribed => FactKind.Unsubscribed,
        EventKind.Bounced => FactKind.Bounced,
        EventKind.Sent => FactKind.OutboundTouch,
        EventKind.Message when direction == Direction.Outbound => FactKind.OutboundTouch,
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
