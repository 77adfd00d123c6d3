using Conversations.Abstractions.Timeline;
using Conversations.Grains.Signals;
using Conversations.Grains.Signals.Campaigns;

namespace Conversations.Grains.Tests.Signals;

/// <summary>The campaign-level rules as a pure function of a funnel and the alarms' state, without a cluster.</summary>
public sealed class CampaignAlarmsTests
{
    private readonly CampaignAlarms _alarms = new(new SignalRuleOptions());

    [Fact]
    public void ABounceRateAboveFivePercent_IsNotJudgedBeforeTwentySent_ButIsWatched()
    {
        var state = new CampaignAlarmState();
        var early = Funnel(sent: 10, bounced: 5);

        Assert.Empty(_alarms.Judge(early, state).Raise);
        Assert.True(_alarms.NeedsWatching(early, state));
        Assert.False(_alarms.NeedsWatching(Funnel(sent: 10, bounced: 0), state));
    }

    [Fact]
    public void AnAlarm_IsRaisedWhenCrossing_NotAgainWhileItStands_AndAgainOnlyAfterRecovering()
    {
        var state = new CampaignAlarmState();

        Assert.Empty(_alarms.Judge(Funnel(sent: 20, bounced: 1), state).Raise); // 5% is not above 5%
        var (raise, _) = _alarms.Judge(Funnel(sent: 20, bounced: 2), state);
        var (alarm, episode) = Assert.Single(raise);
        Assert.Equal((SignalTypes.CampaignBounceRateHigh, 1), (alarm.Type, episode));
        Stand(state, alarm.Type, episode);

        Assert.Empty(_alarms.Judge(Funnel(sent: 20, bounced: 5), state).Raise);
        Assert.True(_alarms.NeedsWatching(Funnel(sent: 20, bounced: 5), state));
        var recovered = Assert.Single(_alarms.Judge(Funnel(sent: 100, bounced: 5), state).Recovered);
        state.Raised.Remove(recovered.Type);

        Assert.Equal(2, Assert.Single(_alarms.Judge(Funnel(sent: 100, bounced: 6), state).Raise).Episode);
    }

    [Fact]
    public void TheUnsubscribeRate_HasAnAlarmOfItsOwn_AboveTwoPercent()
    {
        var (alarm, _) = Assert.Single(_alarms.Judge(Funnel(sent: 100, bounced: 0, unsubscribed: 3), new CampaignAlarmState()).Raise);

        Assert.Equal(SignalTypes.CampaignUnsubscribeRateHigh, alarm.Type);
        Assert.Empty(_alarms.Judge(Funnel(sent: 100, bounced: 0, unsubscribed: 2), new CampaignAlarmState()).Raise);
    }

    [Fact]
    public void AnEpisodesSignalId_IsTheSameWhenFoundAgain_AndDiffersPerEpisodeAndCampaign()
    {
        var id = CampaignAlarms.SignalIdOf(SignalTypes.CampaignBounceRateHigh, "salesforge:seq_1", 1);

        Assert.Equal(id, CampaignAlarms.SignalIdOf(SignalTypes.CampaignBounceRateHigh, "salesforge:seq_1", 1));
        Assert.NotEqual(id, CampaignAlarms.SignalIdOf(SignalTypes.CampaignBounceRateHigh, "salesforge:seq_1", 2));
        Assert.NotEqual(id, CampaignAlarms.SignalIdOf(SignalTypes.CampaignBounceRateHigh, "salesforge:seq_2", 1));
    }

    private static void Stand(CampaignAlarmState state, string type, int episode)
    {
        state.Episodes[type] = episode;
        state.Raised.Add(type);
    }

    private static CampaignFunnel Funnel(long sent, long bounced, long unsubscribed = 0) => new("salesforge:seq_1", null,
        new Dictionary<FunnelStage, long> { [FunnelStage.Sent] = sent, [FunnelStage.Bounced] = bounced, [FunnelStage.Unsubscribed] = unsubscribed });
}
