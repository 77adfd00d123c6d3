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
        var message = Assumed.Object(payload, "message") ?? (isEmail ? Assumed.Object(payload, "email") : null) ?? payload;
        return new BreakcoldDetails
        {
            Lead = Assumed.Object(payload, "lead"),
            Time = BreakcoldTime.First(message, receivedAt, "sent_at", "received_at", "created_at", "date", "timestamp")
                ?? BreakcoldTime.OfEnvelope(root, receivedAt),
            Direction = DirectionOf(message),
            MessageId = Assumed.Id(message, "id") ?? Assumed.Id(message, "message_id") ?? Assumed.Id(payload, "id_message"),
            Subject = isEmail ? Assumed.Text(message, "subject", TextLimits.MaxSubject) : null,
            Text = Assumed.Content(message, "text")
                ?? Assumed.Content(message, "content")
                ?? Assumed.Content(message, "body")
                ?? Assumed.Content(message, "message"),
        };
    }

    private static Direction? DirectionOf(PayloadObject message)
    {
        var byLead = Assumed.Boolean(message, "from_lead")
            ?? Assumed.Boolean(message, "sent_by_lead")
            ?? Assumed.Boolean(message, "is_from_lead");
        if (byLead is { } inbound) return inbound ? Direction.Inbound : Direction.Outbound;
        return Assumed.Text(message, "direction")?.ToLowerInvariant() switch
        {
            "inbound" or "incoming" or "received" => Direction.Inbound,
            "outbound" or "outgoing" or "sent" => Direction.Outbound,
            _ => null,
        };
    }
}
