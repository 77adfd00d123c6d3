using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Chat;

/// <summary>
/// Normalizes the chat / WhatsApp inbox's webhook (<c>/webhooks/chat</c>). Only <c>newMessage</c> is documented:
/// it becomes a message on the conversation's channel and, when the conversation has left its initial status,
/// a status event (see <see cref="ChatStatus"/>). The inbox does not sign; its URL carries a token.
/// </summary>
public sealed class ChatNormalizer() : JsonWebhookNormalizer(Providers.Chat)
{
    private const string NewMessage = "newMessage";

    private protected override NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt)
    {
        var name = root.Trimmed("event") ?? throw new InvalidPayloadException("event is missing");
        if (!name.Equals(NewMessage, StringComparison.OrdinalIgnoreCase))
            return NormalizationResult.Ignored($"unsupported chat event '{TextLimits.Quotable(name)}'");

        var message = root.RequiredObject("message");
        var conversation = root.RequiredObject("conversation");
        var conversationId = conversation.Id("id") ?? message.Id("conversation_id")
            ?? throw new InvalidPayloadException("conversation.id and message.conversation_id are both missing");
        var chat = ChatMessage.Read(message, conversation, receivedAt);
        var status = ChatStatus.Read(conversation);
        var lead = ChatCustomer.Read(conversation.Object("customer"));
        var aliases = LeadAliases.Of(lead, LeadKey.ChatCustomerPrefix);
        if (aliases.Count == 0)
            return NormalizationResult.Rejected(NormalizationErrorKind.NoLeadIdentity, $"no usable lead identity in {ChatCustomer.IdentityFields}");

        var messageEvent = new ConversationEvent
        {
            EventId = EventIds.Create(Providers.Chat, EventKind.Message, [conversationId, .. chat.NaturalKey]),
            Kind = EventKind.Message,
            Channel = ChatMedium.Read(conversation),
            Direction = chat.Direction,
            Provider = Providers.Chat,
            OccurredAt = chat.Time.Value,
            ReceivedAt = receivedAt,
            Lead = lead,
            MessageId = chat.MessageId,
            Subject = conversation.Trimmed("subject", TextLimits.MaxSubject),
            Text = chat.Text,
            Url = chat.Url,
        };
        if (status is null) return NormalizationResult.Accepted(aliases, messageEvent);

        var statusEvent = messageEvent with
        {
            EventId = EventIds.Create(Providers.Chat, EventKind.StatusUpdated, conversationId, status),
            Kind = EventKind.StatusUpdated,
            Direction = Direction.None,
            MessageId = null,
            Subject = status,
            Text = null,
            Url = null,
        };
        return NormalizationResult.Accepted(aliases, messageEvent, statusEvent);
    }
}
