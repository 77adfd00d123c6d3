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
public sealed class SalesforgeNormalizer : IWebhookNormalizer
{
    public string Provider => Providers.Salesforge;

    public NormalizationResult Normalize(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) =>
        JsonWebhook.Normalize(body, root => Normalize(root, receivedAt));

    private static NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt)
    {
        var info = root.RequiredObject("webhookInfo");
        var type = info.String("type");
        if (SalesforgeActivity.Detect(root, type) is not { } activity)
        {
            return type is null
                ? throw new InvalidPayloadException("webhookInfo.type is missing and no known data block is present")
                : NormalizationResult.Ignored($"unsupported salesforge event type '{TextLimits.Echo(type)}'");
        }

        var time = OccurredAt(activity, info, receivedAt);
        var lead = SalesforgeContact.Read(root.Object("contact"));
        if (LeadKey.From(lead) is not { } leadKey)
        {
            return NormalizationResult.Rejected(
                NormalizationErrorKind.NoLeadIdentity, $"no usable lead identity in {SalesforgeContact.IdentityFields}");
        }

        var common = new ConversationEvent
        {
            EventId = string.Empty,
            Kind = activity.Kind,
            Channel = activity.Channel,
            Direction = activity.Direction,
            Provider = Providers.Salesforge,
            OccurredAt = time.Value,
            ReceivedAt = receivedAt,
            Lead = lead,
            Campaign = CampaignReader.Read(Providers.Salesforge, root.Object("sequence")),
            Sentiment = activity.Sentiment,
        };
        return NormalizationResult.Accepted(SalesforgeEventDetails.Complete(common, root, leadKey, time));
    }

    private static ProviderTime OccurredAt(SalesforgeActivity activity, PayloadObject info, DateTimeOffset receivedAt)
    {
        var eventTime = info.Time("eventTime", receivedAt);
        var dataTime = activity is { Data: { } data, TimeField: { } field } ? data.Time(field, receivedAt) : null;
        return dataTime ?? eventTime ?? throw new InvalidPayloadException("webhookInfo.eventTime is missing");
    }
}
