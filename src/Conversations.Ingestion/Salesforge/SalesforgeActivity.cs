using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Salesforge;

/// <summary>
/// What a Salesforge delivery reports. Decided by the data block the delivery carries, not by
/// <c>webhookInfo.type</c>: Salesforge's own samples label a link click and an unsubscribe "email_bounced",
/// while their data blocks say what happened. The type decides only when there is no data block.
/// </summary>
internal sealed record SalesforgeActivity(EventKind Kind, Channel Channel, Direction Direction)
{
    private static readonly SalesforgeActivity Sent = new(EventKind.Sent, Channel.Email, Direction.Outbound);
    private static readonly SalesforgeActivity Opened = new(EventKind.Opened, Channel.Email, Direction.Inbound) { TimeField = "openedAt" };
    private static readonly SalesforgeActivity Clicked = new(EventKind.Clicked, Channel.Email, Direction.Inbound) { TimeField = "clickedAt" };
    private static readonly SalesforgeActivity Bounced = new(EventKind.Bounced, Channel.Email, Direction.None) { TimeField = "bouncedAt" };
    private static readonly SalesforgeActivity Unsubscribed = new(EventKind.Unsubscribed, Channel.Email, Direction.Inbound) { TimeField = "unsubscribedAt" };
    private static readonly SalesforgeActivity EmailReply = new(EventKind.Replied, Channel.Email, Direction.Inbound);
    private static readonly SalesforgeActivity LinkedInReply = new(EventKind.Replied, Channel.LinkedIn, Direction.Inbound);

    /// <summary>The data block, when the delivery has one.</summary>
    public PayloadObject? Data { get; private init; }

    /// <summary>The data block's time field, which is preferred over <c>webhookInfo.eventTime</c>.</summary>
    public string? TimeField { get; private init; }

    public ReplySentiment? Sentiment { get; private init; }

    /// <summary>The activity, or null when neither a data block nor the type is one this service knows.</summary>
    public static SalesforgeActivity? Detect(PayloadObject root, string? type)
    {
        if (root.Object("emailSentData") is { } sent) return Sent with { Data = sent };
        if (root.Object("emailOpenedData") is { } opened) return Opened with { Data = opened };
        if (root.Object("linkClickedData") is { } clicked) return Clicked with { Data = clicked };
        if (root.Object("emailBounced") is { } bounced) return Bounced with { Data = bounced };
        if (root.Object("contactUnsubscribedData") is { } unsubscribed) return Unsubscribed with { Data = unsubscribed };
        if (root.Object("replyMessage") is { } message) return LinkedInReply with { Data = message };
        // positive_reply and negative_reply carry the replyEmail of a reply already delivered as email_replied.
        if (root.Object("replyEmail") is { } reply) return (Classified(type) ?? EmailReply) with { Data = reply };
        return type is null ? null : ByType(type);
    }

    private static SalesforgeActivity? Classified(string? type) => Normalized(type) switch
    {
        "positive_reply" => new(EventKind.ReplyClassified, Channel.Email, Direction.Inbound) { Sentiment = ReplySentiment.Positive },
        "negative_reply" => new(EventKind.ReplyClassified, Channel.Email, Direction.Inbound) { Sentiment = ReplySentiment.Negative },
        _ => null,
    };

    // The document names link clicks and unsubscribes without showing their type strings; these are the
    // spellings it uses elsewhere.
    private static SalesforgeActivity? ByType(string type) => Normalized(type) switch
    {
        "email_sent" => Sent,
        "email_opened" => Opened,
        "link_clicked" or "email_link_clicked" or "email_clicked" => Clicked,
        "email_bounced" => Bounced,
        "unsubscribed" or "email_unsubscribed" or "contact_unsubscribed" => Unsubscribed,
        "email_replied" => EmailReply,
        "linkedin_replied" => LinkedInReply,
        _ => Classified(type),
    };

    private static string? Normalized(string? type) => type?.Trim().ToLowerInvariant();
}
