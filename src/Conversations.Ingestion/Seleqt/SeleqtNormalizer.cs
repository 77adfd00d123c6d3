using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Seleqt;

/// <summary>
/// Normalizes Seleqt's LinkedIn message webhook (<c>/webhooks/seleqt</c>). Only <c>incoming_message</c> is
/// documented; it reports messages in both directions, told apart by <c>sent_by_lead</c>.
/// </summary>
public sealed class SeleqtNormalizer() : JsonWebhookNormalizer(Providers.Seleqt)
{
    private const string IncomingMessage = "incoming_message";

    private protected override NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt)
    {
        var name = root.String("event") ?? throw new InvalidPayloadException("event is missing");
        if (name != IncomingMessage) return NormalizationResult.Ignored($"unsupported seleqt event '{TextLimits.Quotable(name)}'");

        var message = root.RequiredObject("message");
        var messageId = message.StringId("message_id") ?? throw new InvalidPayloadException("message.message_id is missing");
        var time = message.Time("sent_at", receivedAt)
            ?? message.Time("created_at", receivedAt)
            ?? throw new InvalidPayloadException("message.sent_at and message.created_at are both missing");
        var lead = SeleqtLead.Read(message.Object("lead"));
        var aliases = LeadAliases.Of(lead, LeadKey.SeleqtLeadPrefix);
        if (aliases.Count == 0)
        {
            return NormalizationResult.Rejected(
                NormalizationErrorKind.NoLeadIdentity, $"no usable lead identity in {SeleqtLead.IdentityFields}");
        }

        return NormalizationResult.Accepted(aliases, new ConversationEvent
        {
            // Seleqt's documented idempotency key: "check message.message_id on your side".
            EventId = EventIds.Create(Providers.Seleqt, EventKind.Message, messageId),
            Kind = EventKind.Message,
            Channel = Channel.LinkedIn,
            Direction = message.Boolean("sent_by_lead") == true ? Direction.Inbound : Direction.Outbound,
            Provider = Providers.Seleqt,
            OccurredAt = time.Value,
            ReceivedAt = receivedAt,
            Lead = lead,
            Campaign = CampaignReader.Read(Providers.Seleqt, message.Object("campaign")),
            MessageId = messageId,
            Text = TextLimits.Truncate(message.String("message"), TextLimits.MaxText),
        });
    }
}
