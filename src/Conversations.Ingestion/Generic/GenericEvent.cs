using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>Normalizes one event object of the generic format.</summary>
internal static class GenericEvent
{
    /// <summary>One accepted event, or a rejection whose detail names the field (relative to the event object).</summary>
    public static NormalizationResult Normalize(PayloadObject e, DateTimeOffset receivedAt)
    {
        try
        {
            return Read(e, receivedAt);
        }
        catch (InvalidPayloadException invalid)
        {
            return NormalizationResult.Rejected(NormalizationErrorKind.InvalidPayload, invalid.Message);
        }
    }

    private static NormalizationResult Read(PayloadObject e, DateTimeOffset receivedAt)
    {
        // Every field is read before the identity check, so a malformed field is reported even when the lead is unusable.
        var id = GenericEventFields.ReadId(e);
        var kind = GenericAllowedValues.Kinds.Required(e, "kind");
        var channel = GenericAllowedValues.Channels.Required(e, "channel");
        var source = GenericEventFields.ReadSource(e);
        var occurredAt = GenericEventFields.ReadOccurredAt(e, receivedAt);
        var direction = GenericEventFields.ReadDirection(e, kind);
        var sentiment = GenericEventFields.ReadSentiment(e, kind);
        var lead = GenericLead.Read(e.Object("lead"), source);
        var candidate = new ConversationEvent
        {
            // The sender's id, scoped by its platform and the kind: a redelivery is idempotent, and two platforms
            // that both number their events from 1 do not collide.
            EventId = EventIds.Create(Providers.Generic, kind, source, id),
            Kind = kind,
            Channel = channel,
            Direction = direction,
            Provider = Providers.Generic,
            OccurredAt = occurredAt.Value,
            ReceivedAt = receivedAt,
            Lead = lead,
            Campaign = GenericCampaign.Read(e.Object("campaign"), source),
            MessageId = e.Id("messageId"),
            Subject = e.Trimmed("subject", TextLimits.MaxSubject),
            Text = TextLimits.Truncate(e.String("text"), TextLimits.MaxText),
            Sentiment = sentiment,
            Url = e.Trimmed("url", TextLimits.MaxUrl),
        };
        var aliases = LeadAliases.Of(lead, LeadKey.GenericLeadPrefix);
        return aliases.Count > 0
            ? NormalizationResult.Accepted(aliases, candidate)
            : NormalizationResult.Rejected(NormalizationErrorKind.NoLeadIdentity, $"no usable lead identity in {GenericLead.IdentityFields}");
    }
}
