using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Salesforge;

/// <summary>
/// Normalizes Salesforge sequence webhooks (<c>/webhooks/salesforge</c>); each delivery is one event.
/// <c>webhookInfo.id</c> names the webhook, not the delivery, so event ids come from the email, reply or
/// thread the delivery is about.
/// </summary>
public sealed class SalesforgeNormalizer() : JsonWebhookNormalizer(Providers.Salesforge)
{
    private protected override NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt)
    {
        var info = root.RequiredObject("webhookInfo");
        var type = info.String("type");
        if (SalesforgeActivity.Detect(root, type) is not { } activity)
        {
            return type is null
                ? throw new InvalidPayloadException("webhookInfo.type is missing and no known data block is present")
                : NormalizationResult.Ignored($"unsupported salesforge event type '{TextLimits.Quotable(type)}'");
        }

        var time = OccurredAt(activity, info, receivedAt);
        var lead = SalesforgeContact.Read(root.Object("contact"));
        var aliases = LeadAliases.Of(lead, LeadKey.SalesforgeContactPrefix);
        if (aliases.Count == 0)
        {
            return NormalizationResult.Rejected(
                NormalizationErrorKind.NoLeadIdentity, $"no usable lead identity in {SalesforgeContact.IdentityFields}");
        }

        var campaign = CampaignReader.Read(Providers.Salesforge, root.Object("sequence"));
        var details = SalesforgeEventDetails.Read(activity, root, aliases[0], time);
        return NormalizationResult.Accepted(aliases, new ConversationEvent
        {
            EventId = details.EventId,
            Kind = activity.Kind,
            Channel = activity.Channel,
            Direction = activity.Direction,
            Provider = Providers.Salesforge,
            OccurredAt = time.Value,
            ReceivedAt = receivedAt,
            Lead = lead,
            Campaign = campaign,
            Sentiment = activity.Sentiment,
            MessageId = details.MessageId,
            Subject = details.Subject,
            Text = details.Text,
            Url = details.Url,
        });
    }

    private static ProviderTime OccurredAt(SalesforgeActivity activity, PayloadObject info, DateTimeOffset receivedAt)
    {
        var eventTime = info.Time("eventTime", receivedAt);
        var dataTime = activity is { Data: { } data, TimeField: { } field } ? data.Time(field, receivedAt) : null;
        return dataTime ?? eventTime ?? throw new InvalidPayloadException("webhookInfo.eventTime is missing");
    }
}
