using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// Events about a conversation entity: its opening, its messages and its status changes. Ids are keyed by the
/// conversation and by the time SalesIQ gives for what happened (or the message's id), so a retry maps to the
/// same id.
/// </summary>
internal static class SalesIqConversation
{
    /// <summary>A chat the visitor opened: their question is the first inbound message.</summary>
    public static ConversationEvent Created(SalesIqDelivery delivery)
    {
        var entity = delivery.Entity;
        var conversation = delivery.EntityId();
        var opened = SalesIqTime.Required(entity, "opened_time", delivery.ReceivedAt);
        return delivery.Event(EventKind.Message, Direction.Inbound, opened.Value, Visitor(entity), conversation, opened.Text) with
        {
            Text = Question(entity),
        };
    }

    /// <summary>
    /// A visitor's or operator's message. SalesIQ's documents show no sample of the <c>message</c> block; the
    /// shape read here (<c>id</c>, <c>text</c>, <c>time</c>) is assumed, and without it there is nothing to record.
    /// </summary>
    public static ConversationEvent Reply(SalesIqDelivery delivery, Direction direction)
    {
        var entity = delivery.Entity;
        var conversation = delivery.EntityId();
        var message = entity.RequiredObject("message");
        var time = SalesIqTime.Required(message, "time", delivery.ReceivedAt);
        var messageId = message.Id("id");
        var text = message.String("text");
        var e = messageId is { } id
            ? delivery.Event(EventKind.Message, direction, time.Value, Visitor(entity), conversation, id)
            : delivery.Event(EventKind.Message, direction, time.Value, Visitor(entity), conversation, time.Text, text);
        return e with { MessageId = messageId, Text = TextLimits.Truncate(text, TextLimits.MaxText) };
    }

    /// <summary>
    /// A status change. A missed chat carries the unanswered question, which is what a follow-up needs.
    /// </summary>
    public static ConversationEvent Status(SalesIqDelivery delivery, SalesIqStatus status)
    {
        var entity = delivery.Entity;
        var conversation = delivery.EntityId();
        var time = SalesIqTime.Required(entity, status.TimeField, delivery.ReceivedAt);
        return delivery.Event(EventKind.StatusUpdated, status.Direction, time.Value, Visitor(entity), conversation, time.Text) with
        {
            Subject = status.Label,
            Text = status == SalesIqStatus.Missed ? Question(entity) : null,
        };
    }

    private static LeadIdentity Visitor(PayloadObject entity) => SalesIqVisitor.FromConversation(entity.Object("visitor"));

    private static string? Question(PayloadObject entity) => TextLimits.Truncate(entity.String("question"), TextLimits.MaxText);
}
