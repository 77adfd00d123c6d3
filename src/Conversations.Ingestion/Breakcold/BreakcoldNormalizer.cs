using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Normalizes Breakcold's CRM webhooks (<c>/webhooks/breakcold</c>): <c>{ id_space, event, secret, payload }</c>,
/// one event per delivery. Lead, message and campaign-email events become events on the lead; workspace events
/// (campaigns, lists, statuses, tags) name no lead and are ignored. The body's <c>secret</c> is checked by
/// <see cref="BreakcoldVerifier"/> and never read here.
/// </summary>
public sealed class BreakcoldNormalizer() : JsonWebhookNormalizer(Providers.Breakcold)
{
    private protected override NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt)
    {
        var name = root.String("event") ?? throw new InvalidPayloadException("event is missing");
        if (BreakcoldEventType.Workspace(name) is { } workspace)
            return NormalizationResult.Ignored($"breakcold workspace event '{workspace}' recorded, no lead");
        if (BreakcoldEventType.Find(name) is not { } type)
            return NormalizationResult.Ignored($"unsupported breakcold event '{TextLimits.Quotable(name)}'");

        var payload = root.RequiredObject("payload");
        var details = type.Subject switch
        {
            BreakcoldSubject.Lead => BreakcoldLeadChange.Read(type, root, payload, receivedAt),
            BreakcoldSubject.LeadItem => BreakcoldLeadItem.Read(type, root, payload, receivedAt),
            BreakcoldSubject.Message => BreakcoldMessage.Read(type, root, payload, receivedAt),
            _ => BreakcoldCampaignEmail.Read(type, root, payload, receivedAt),
        };
        var lead = BreakcoldLead.Read(details.Lead, payload);
        // A lead with no email, LinkedIn profile or phone arrives under Breakcold's own id.
        var aliases = LeadAliases.Of(lead, LeadKey.BreakcoldLeadPrefix);
        if (aliases.Count == 0)
        {
            // Not a 4xx: Breakcold does not retry and pauses an endpoint after 10 failed deliveries. The raw
            // delivery is archived, so that a later release can replay it.
            return NormalizationResult.Ignored(
                $"no usable lead identity in {BreakcoldLead.IdentityFields(details.Lead, payload)}; kept for replay");
        }

        return NormalizationResult.Accepted(aliases, new ConversationEvent
        {
            EventId = BreakcoldEventId.For(type, root, lead.ProviderLeadId ?? aliases[0], details),
            Kind = type.Kind,
            Channel = type.Channel,
            Direction = details.Direction ?? type.Direction,
            Provider = Providers.Breakcold,
            // Breakcold's document: "There is no retry policy" (and a retry would carry the same body). Rejecting an
            // event that carries no time would lose it for good, so the receive time stands in; the event id never
            // depends on it.
            OccurredAt = details.Time?.Value ?? receivedAt,
            ReceivedAt = receivedAt,
            Lead = lead,
            Campaign = details.Campaign,
            MessageId = details.MessageId,
            Subject = details.Subject,
            Text = details.Text,
            Url = details.Url,
        });
    }
}
