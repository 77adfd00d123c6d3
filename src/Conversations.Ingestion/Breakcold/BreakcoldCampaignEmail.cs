using Conversations.Abstractions;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// An email of a campaign and what the lead did with it. The document shows no campaign payload: the campaign is
/// read from <c>id_campaign</c>/<c>campaign_name</c> or a <c>campaign</c> object, the email from an <c>email</c>
/// (or <c>message</c>) object, and the lead from <c>lead</c>.
/// </summary>
internal static class BreakcoldCampaignEmail
{
    public static BreakcoldDetails Read(BreakcoldEventType type, PayloadObject root, PayloadObject payload, DateTimeOffset receivedAt)
    {
        var email = UndocumentedField.Object(payload, "email") ?? UndocumentedField.Object(payload, "message");
        var hasContent = type.Kind is EventKind.Sent or EventKind.Replied;
        return new BreakcoldDetails
        {
            Lead = UndocumentedField.Object(payload, "lead"),
            Time = TimeOf(type, payload, email, root, receivedAt),
            Campaign = Campaign(payload),
            MessageId = UndocumentedField.Id(email, "id") ?? UndocumentedField.Id(payload, "id_email") ?? UndocumentedField.Id(payload, "id_message"),
            Subject = hasContent ? UndocumentedField.Text(email, "subject", TextLimits.MaxSubject) : null,
            Text = hasContent ? UndocumentedField.Content(email, "text") ?? UndocumentedField.Content(email, "content") ?? UndocumentedField.Content(email, "body") : null,
            Url = type.Kind == EventKind.Clicked
                ? UndocumentedField.Text(payload, "url", TextLimits.MaxUrl) ?? UndocumentedField.Text(payload, "link", TextLimits.MaxUrl) ?? UndocumentedField.Text(email, "url", TextLimits.MaxUrl)
                : null,
        };
    }

    private static ProviderTime? TimeOf(BreakcoldEventType type, PayloadObject payload, PayloadObject? email, PayloadObject root, DateTimeOffset receivedAt)
    {
        var field = type.Verb switch
        {
            "sent" => "sent_at",
            "reply" => "replied_at",
            "open" => "opened_at",
            "click" => "clicked_at",
            "bounce" => "bounced_at",
            _ => "unsubscribed_at",
        };
        // The email's own times date a send or a reply, never an open or a click that came after it.
        var emailTime = type.Kind switch
        {
            EventKind.Sent => BreakcoldTime.First(email, receivedAt, "sent_at", "created_at"),
            EventKind.Replied => BreakcoldTime.First(email, receivedAt, "received_at", "sent_at", "created_at"),
            _ => null,
        };
        return BreakcoldTime.First(payload, receivedAt, field)
            ?? BreakcoldTime.First(email, receivedAt, field)
            ?? emailTime
            ?? BreakcoldTime.First(payload, receivedAt, "timestamp", "created_at", "date")
            ?? BreakcoldTime.OfEnvelope(root, receivedAt);
    }

    private static CampaignRef? Campaign(PayloadObject payload)
    {
        var campaign = UndocumentedField.Object(payload, "campaign");
        return (UndocumentedField.Id(payload, "id_campaign") ?? UndocumentedField.Id(campaign, "id")) is { } id
            ? new CampaignRef(CampaignKey.For(Providers.Breakcold, id), UndocumentedField.Text(payload, "campaign_name") ?? UndocumentedField.Text(campaign, "name"))
            : null;
    }
}
