using Conversations.Abstractions.Timeline;

namespace Conversations.Grains.Signals.Campaigns;

/// <summary>
/// The campaign-level rules, as a pure function of a campaign's funnel and its alarms' state: an alarm is raised when
/// its rate crosses the threshold, once, and again only after the rate went back to or below it.
/// </summary>
public sealed class CampaignAlarms(SignalRuleOptions options)
{
    public IReadOnlyList<CampaignRateAlarm> All { get; } =
    [
        new(SignalTypes.CampaignBounceRateHigh, FunnelStage.Bounced, options.CampaignBounceRate, options.CampaignMinimumSent),
        new(SignalTypes.CampaignUnsubscribeRateHigh, FunnelStage.Unsubscribed, options.CampaignUnsubscribeRate, options.CampaignMinimumSent),
    ];

    /// <summary>The alarms to raise now (with the episode each starts), and those that recovered.</summary>
    public (IReadOnlyList<(CampaignRateAlarm Alarm, int Episode)> Raise, IReadOnlyList<CampaignRateAlarm> Recovered) Judge(
        CampaignFunnel funnel, CampaignAlarmState state)
    {
        var raise = new List<(CampaignRateAlarm, int)>();
        var recovered = new List<CampaignRateAlarm>();
        foreach (var alarm in All)
        {
            var standing = state.Raised.Contains(alarm.Type);
            if (alarm.IsHigh(funnel) && !standing) raise.Add((alarm, state.Episodes.GetValueOrDefault(alarm.Type) + 1));
            else if (!alarm.IsHigh(funnel) && standing) recovered.Add(alarm);
        }
        return (raise, recovered);
    }

    /// <summary>Whether the funnel must be read again without a new trigger: an alarm stands (to see it recover), or one is high too early to judge.</summary>
    public bool NeedsWatching(CampaignFunnel funnel, CampaignAlarmState state) =>
        state.Raised.Count > 0 || All.Any(alarm => alarm.IsHighTooEarly(funnel));

    /// <summary>An episode's signal id: the same crossing found again (after a crash, on another silo) is stored once.</summary>
    public static string SignalIdOf(string type, string campaignKey, int episode) => SignalId.Of(type, "", $"{campaignKey}#{episode}");
}
