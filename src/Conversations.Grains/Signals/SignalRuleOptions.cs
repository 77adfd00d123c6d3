namespace Conversations.Grains.Signals;

/// <summary>The rules' windows and thresholds. Bound from <c>Conversations:Signals</c>.</summary>
public sealed class SignalRuleOptions
{
    public const string SectionName = "Conversations:Signals";

    /// <summary>How long before a positive LinkedIn reply an email open counts for it. Default 30 days.</summary>
    public TimeSpan PositiveReplyAfterOpenWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The window in which engagement makes a lead hot. Default 48 hours.</summary>
    public TimeSpan HotLeadWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Opens within the window that make a lead hot. Default 3.</summary>
    public int HotLeadOpens { get; set; } = 3;

    /// <summary>Opens that, with a click, make a lead hot within the window. Default 2.</summary>
    public int HotLeadOpensWithAClick { get; set; } = 2;

    /// <summary>The window in which engagement on several channels counts as cross-channel. Default 7 days.</summary>
    public TimeSpan CrossChannelWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Channels with engagement within the window. Default 2.</summary>
    public int CrossChannelChannels { get; set; } = 2;

    /// <summary>A campaign's bounce rate (bounced leads per lead sent to) above which it raises an alarm. Default 0.05 (5%).</summary>
    public double CampaignBounceRate { get; set; } = 0.05;

    /// <summary>A campaign's unsubscribe rate (unsubscribed leads per lead sent to) above which it raises an alarm. Default 0.02 (2%).</summary>
    public double CampaignUnsubscribeRate { get; set; } = 0.02;

    /// <summary>Leads sent to before a campaign's rates are judged. Default 20.</summary>
    public int CampaignMinimumSent { get; set; } = 20;

    /// <summary>How often a campaign with a standing alarm reads its funnel again, to see it recover. Default 30 seconds.</summary>
    public TimeSpan CampaignRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
