using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// A LinkedIn, Twitter or email message in a lead's inbox. The document shows no message payload: the message is
/// read from a <c>message</c> object (or <c>email</c> for email), else from the payload, and its lead from <c>lead</c>.
/// </summary>
internal static class BreakcoldMessage
{
    public static BreakcoldDetails Read(BreakcoldEventType type, PayloadObject root, PayloadObject payload, DateTimeOffset receivedAt)
    {
        var isEmail = type.Channel == Channel.Email;
        var message = UndocumentedField.Object(payload, "message") ?? (isEmail ? UndocumentedField.Object(payload, "email") : null) ?? payload;
        return new BreakcoldDetails
        {
            Lead = UndocumentedField.Object(payload, "lead"),
            Time = BreakcoldTime.First(message, receivedAt, "sent_at", "received_at", "created_at", "date", "timestamp")
                ?? BreakcoldTime.OfEnvelope(root, receivedAt),
            Direction = DirectionOf(message),
            MessageId = UndocumentedField.Id(message, "id") ?? UndocumentedField.Id(message, "message_id") ?? UndocumentedField.Id(payload, "id_message"),
            Subject = isEmail ? UndocumentedField.Text(message, "subject", TextLimits.MaxSubject) : null,
            Text = UndocumentedField.Content(message, "text")
                ?? UndocumentedField.Content(message, "content")
                ?? UndocumentedField.Content(message, "body")
                ?? UndocumentedField.Content(message, "message"),
        };
    }

    private static Direction? DirectionOf(PayloadObject message)
    {
        var byLead = UndocumentedField.Boolean(message, "from_lead")
            ?? UndocumentedField.Boolean(message, "sent_by_lead")
            ?? UndocumentedField.Boolean(message, "is_from_lead");
        if (byLead is { } inbound) return inbound ? Direction.Inbound : Direction.Outbound;
        return UndocumentedField.Text(message, "direction")?.ToLowerInvariant() switch
        {
            "inbound" or "incoming" or "received" => Direction.Inbound,
            "outbound" or "outgoing" or "sent" => Direction.Outbound,
            _ => null,
        };
    }
}
