using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Signals;

namespace Conversations.Grains.Leads;

/// <summary>
/// Which campaign funnel stages a batch of events reaches for this lead. Marks are idempotent, so they are
/// computed for every event offered, new or redelivered. An automatic reply (out of office) counts as no reply.
/// </summary>
public static class FunnelMarks
{
    public static IReadOnlyList<FunnelMark> For(LeadSnapshot lead, IReadOnlyList<ConversationEvent> events, ReplyIntentClassifier classifier) =>
        For(lead, events, reply => classifier.Classify(reply.Subject, reply.Text).Intent);

    /// <param name="lead">The lead's state before the events.</param>
    /// <param name="events">The events offered.</param>
    /// <param name="textIntentOf">What a reply's text says (for a caller that knows it already).</param>
    public static IReadOnlyList<FunnelMark> For(LeadSnapshot lead, IReadOnlyList<ConversationEvent> events, Func<ConversationEvent, ReplyIntent> textIntentOf)
    {
        var marks = new List<FunnelMark>();
        foreach (var @event in events)
        {
            if (@event.Campaign is { } campaign)
            {
                marks.Add(new FunnelMark(campaign.Key, campaign.Name, FunnelStage.Lead));
                if (StageOf(@event) is { } stage && !(stage == FunnelStage.Replied && IsAutomatic(@event, textIntentOf)))
                    marks.Add(new FunnelMark(campaign.Key, campaign.Name, stage));

                // A classification that arrived before its reply is counted once the reply names the campaign.
                if (@event.IsReply && @event.MessageId is { } messageId && SentimentStage(KnownSentiment(lead, events, messageId)) is { } late)
                    marks.Add(new FunnelMark(campaign.Key, campaign.Name, late));
            }
        }
        return marks;
    }

    public static FunnelStage? StageOf(ConversationEvent @event) => @event.Kind switch
    {
        EventKind.Sent => FunnelStage.Sent,
        EventKind.Opened => FunnelStage.Opened,
        EventKind.Clicked => FunnelStage.Clicked,
        EventKind.Bounced => FunnelStage.Bounced,
        EventKind.Unsubscribed => FunnelStage.Unsubscribed,
        EventKind.ReplyClassified => SentimentStage(@event.Sentiment),
        _ when @event.IsReply => FunnelStage.Replied,
        _ => null,
    };

    private static bool IsAutomatic(ConversationEvent reply, Func<ConversationEvent, ReplyIntent> textIntentOf) =>
        reply.Sentiment is null && textIntentOf(reply) == ReplyIntent.OutOfOffice;

    private static FunnelStage? SentimentStage(ReplySentiment? sentiment) => sentiment switch
    {
        ReplySentiment.Positive => FunnelStage.PositiveReply,
        ReplySentiment.Negative => FunnelStage.NegativeReply,
        _ => null,
    };

    private static ReplySentiment? KnownSentiment(LeadSnapshot lead, IReadOnlyList<ConversationEvent> events, string messageId) =>
        events.LastOrDefault(e => e.Kind == EventKind.ReplyClassified && e.MessageId == messageId)?.Sentiment
        ?? (lead.Replies.TryGetValue(messageId, out var facts) ? facts.Sentiment : null);
}
