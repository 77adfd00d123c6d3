namespace Conversations.Grains.Signals;

/// <summary>The names of the signals, as stored, published and served over HTTP. Defined here only.</summary>
public static class SignalTypes
{
    public const string PositiveLinkedInReplyAfterEmailOpen = "positive-linkedin-reply-after-email-open";
    public const string PositiveReply = "positive-reply";
    public const string NegativeReply = "negative-reply";
    public const string OutOfOffice = "out-of-office";
    public const string HotLead = "hot-lead";
    public const string CrossChannelEngagement = "cross-channel-engagement";
    public const string ContactAfterUnsubscribe = "contact-after-unsubscribe";
    public const string ContactAfterBounce = "contact-after-bounce";
    public const string CampaignBounceRateHigh = "campaign-bounce-rate-high";
    public const string CampaignUnsubscribeRateHigh = "campaign-unsubscribe-rate-high";

    public static IReadOnlyList<string> OfLeads { get; } =
    [
        PositiveLinkedInReplyAfterEmailOpen, PositiveReply, NegativeReply, OutOfOffice, HotLead, CrossChannelEngagement,
        ContactAfterUnsubscribe, ContactAfterBounce,
    ];

    public static IReadOnlyList<string> OfCampaigns { get; } = [CampaignBounceRateHigh, CampaignUnsubscribeRateHigh];
}
