using Conversations.Abstractions.Events;

namespace Conversations.Ingestion.Generic;

/// <summary>The values each enum field of the generic format accepts, spelled as the HTTP API writes them (snake_case).</summary>
internal static class GenericAllowedValues
{
    public static GenericTerms<EventKind> Kinds { get; } = new(
        ("sent", EventKind.Sent),
        ("opened", EventKind.Opened),
        ("clicked", EventKind.Clicked),
        ("replied", EventKind.Replied),
        ("reply_classified", EventKind.ReplyClassified),
        ("bounced", EventKind.Bounced),
        ("unsubscribed", EventKind.Unsubscribed),
        ("message", EventKind.Message),
        ("status_updated", EventKind.StatusUpdated),
        ("lead_created", EventKind.LeadCreated),
        ("lead_updated", EventKind.LeadUpdated),
        ("lead_deleted", EventKind.LeadDeleted));

    public static GenericTerms<Channel> Channels { get; } = new(
        ("email", Channel.Email),
        ("linkedin", Channel.LinkedIn),
        ("chat", Channel.Chat),
        ("whatsapp", Channel.WhatsApp),
        ("sms", Channel.Sms),
        ("twitter", Channel.Twitter),
        ("crm", Channel.Crm));

    public static GenericTerms<Direction> Directions { get; } = new(
        ("inbound", Direction.Inbound),
        ("outbound", Direction.Outbound),
        ("none", Direction.None));

    public static GenericTerms<ReplySentiment> Sentiments { get; } = new(
        ("positive", ReplySentiment.Positive),
        ("negative", ReplySentiment.Negative),
        ("neutral", ReplySentiment.Neutral));
}
