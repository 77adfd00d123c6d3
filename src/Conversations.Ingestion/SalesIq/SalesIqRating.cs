using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// <c>conversation.rated</c>: the visitor's rating and feedback, as a status change whose text holds both. The
/// rated entity carries no time, and SalesIQ delivers as the rating happens, so receipt is the best time there
/// is; the id does not depend on it, so a retry a minute later is still the same event. A changed rating or
/// feedback is a new event.
/// </summary>
internal static class SalesIqRating
{
    public static ConversationEvent Read(SalesIqDelivery delivery)
    {
        var entity = delivery.Entity;
        var conversation = delivery.EntityId();
        var rating = entity.Id("rating");
        var feedback = entity.Trimmed("feedback", TextLimits.MaxText);
        var lead = SalesIqVisitor.FromConversation(entity.Object("visitor"));
        return delivery.Event(EventKind.StatusUpdated, Direction.Inbound, delivery.ReceivedAt, lead, conversation, rating, feedback) with
        {
            Subject = SalesIqStatus.RatedLabel,
            Text = Describe(rating, feedback),
            Sentiment = Sentiment(rating),
        };
    }

    // SalesIQ rates on three levels (sad, neutral, happy) or five (angry .. excited), and the payload does not say
    // which: 1 is unhappy and 4 or 5 happy on either scale, while 2 and 3 mean different things on the two.
    private static ReplySentiment? Sentiment(string? rating) => rating?.ToLowerInvariant() switch
    {
        "1" or "angry" or "sad" => ReplySentiment.Negative,
        "4" or "5" or "happy" or "excited" => ReplySentiment.Positive,
        "neutral" => ReplySentiment.Neutral,
        _ => null,
    };

    private static string? Describe(string? rating, string? feedback) => (rating, feedback) switch
    {
        ({ } r, { } f) => $"rating {r}: {f}",
        ({ } r, null) => $"rating {r}",
        (null, { } f) => f,
        _ => null,
    };
}
