using Conversations.Abstractions.Timeline;

namespace Conversations.Grains.Signals.Campaigns;

/// <summary>
/// A rate of a campaign's leads (those that reached <paramref name="Stage"/>, per lead sent to) that is too high above
/// <paramref name="Threshold"/>, judged once at least <paramref name="MinimumSent"/> leads were sent to.
/// </summary>
public sealed record CampaignRateAlarm(string Type, FunnelStage Stage, double Threshold, int MinimumSent)
{
    public static long Sent(CampaignFunnel funnel) => funnel.UniqueLeads.GetValueOrDefault(FunnelStage.Sent);

    public double Rate(CampaignFunnel funnel) =>
        Sent(funnel) == 0 ? 0 : (double)funnel.UniqueLeads.GetValueOrDefault(Stage) / Sent(funnel);

    public bool IsHigh(CampaignFunnel funnel) => Sent(funnel) >= MinimumSent && Rate(funnel) > Threshold;

    /// <summary>Over the threshold, but too few sent to judge yet: more sends may make it count.</summary>
    public bool IsHighTooEarly(CampaignFunnel funnel) =>
        Sent(funnel) < MinimumSent && funnel.UniqueLeads.GetValueOrDefault(Stage) > 0 && Rate(funnel) > Threshold;
}
