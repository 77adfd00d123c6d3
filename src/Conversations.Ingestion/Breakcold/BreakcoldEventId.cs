using Conversations.Abstractions;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Deterministic event ids. An event or delivery id in the body, if Breakcold ever sends one, identifies the event
/// alone; otherwise the event type, the lead, the event's time and what the event is about do. The receive time is
/// never part of it.
/// </summary>
internal static class BreakcoldEventId
{
    public static string For(BreakcoldEventType type, PayloadObject root, string lead, BreakcoldDetails details)
    {
        var sent = UndocumentedField.Id(root, "id_event") ?? UndocumentedField.Id(root, "event_id") ?? UndocumentedField.Id(root, "id_delivery") ?? UndocumentedField.Id(root, "delivery_id");
        if (sent is not null) return EventIds.Create(Providers.Breakcold, type.Kind, type.Name, sent);

        // Without a message id, the text tells apart two messages (or changes) of one lead at one time; with one,
        // it must not count, so that an edited redelivery keeps its id.
        var text = details.MessageId is null ? details.Text : null;
        return EventIds.Create(
            Providers.Breakcold, type.Kind,
            type.Name, lead, details.Time?.Text, details.ActivityId, details.MessageId, details.Url, text);
    }
}
