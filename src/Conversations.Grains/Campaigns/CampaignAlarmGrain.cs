using Conversations.Abstractions;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Grains.Signals;
using Conversations.Grains.Signals.Campaigns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Campaigns;

/// <summary>
/// One campaign's rate alarms (<see cref="CampaignAlarms"/>). Level-triggered: every check reads the funnel's committed
/// counts and compares them with the alarms' state, so a check that was lost (a silo stopped before it ran) is made up
/// by the next one. A raised alarm is stored as a signal first and in this grain's state after, with an id per episode,
/// so a crash between the two raises the same signal again, which the store keeps once. Checks are spaced (at most one
/// read of the funnel a second), so a burst of bounces costs one count of the campaign, not one each.
/// </summary>
/// <remarks>
/// Unlike a lead's signals, an alarm does not commit with the event that triggers it: it rests on counts over the
/// whole campaign, which no single lead's transaction can decide without serializing every lead of the campaign.
/// </remarks>
public sealed partial class CampaignAlarmGrain(
    [PersistentState("alarms", StorageNames.CampaignAlarms)] IPersistentState<CampaignAlarmState> alarmState,
    ITimelineStore timeline,
    IOptions<SignalRuleOptions> options,
    TimeProvider clock,
    ILogger<CampaignAlarmGrain> logger) : Grain, ICampaignAlarmGrain
{
    /// <summary>At most one read of the funnel per this long, however many bounces arrive: it counts the whole campaign.</summary>
    private static readonly TimeSpan CheckSpacing = TimeSpan.FromSeconds(1);

    private readonly CampaignAlarms _alarms = new(options.Value);
    private CampaignAlarmTrigger? _lastTrigger;
    private IGrainTimer? _watch;
    private IGrainTimer? _pendingCheck;
    private DateTimeOffset _lastCheckAt = DateTimeOffset.MinValue;

    private string CampaignKey => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (alarmState.State.Raised.Count > 0) Watch(true);
        return Task.CompletedTask;
    }

    /// <summary>Checks soon: triggers that arrive meanwhile share the check, which names the latest of them.</summary>
    public Task CheckAsync(CampaignAlarmTrigger trigger)
    {
        _lastTrigger = trigger;
        if (_pendingCheck is null)
        {
            var wait = _lastCheckAt + Spacing - clock.GetUtcNow();
            _pendingCheck = this.RegisterGrainTimer(_ => PendingCheckAsync(),
                new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        return Task.CompletedTask;
    }

    /// <summary>The spacing between reads of the funnel; shorter when the rechecks are (tests).</summary>
    private TimeSpan Spacing => options.Value.CampaignRecheckInterval < CheckSpacing ? options.Value.CampaignRecheckInterval : CheckSpacing;

    private async Task PendingCheckAsync()
    {
        _pendingCheck?.Dispose();
        _pendingCheck = null;
        await CheckAsync();
    }

    private async Task CheckAsync()
    {
        _lastCheckAt = clock.GetUtcNow();
        if (await timeline.ReadCampaignAsync(CampaignKey) is not { } funnel) return;
        var (raise, recovered) = _alarms.Judge(funnel, alarmState.State);
        var changed = recovered.Count > 0;
        foreach (var alarm in recovered) alarmState.State.Raised.Remove(alarm.Type);
        // Raising needs an event to name as evidence: a recheck by the timer alone waits for the next trigger.
        if (raise.Count > 0 && _lastTrigger is { } trigger && await StoreAsync(raise, trigger))
        {
            foreach (var (alarm, episode) in raise)
            {
                alarmState.State.Episodes[alarm.Type] = episode;
                alarmState.State.Raised.Add(alarm.Type);
                LogRaised(logger, alarm.Type, CampaignKey, alarm.Rate(funnel), CampaignRateAlarm.Sent(funnel));
            }
            changed = true;
        }
        if (changed) await alarmState.WriteStateAsync();
        Watch(_alarms.NeedsWatching(funnel, alarmState.State));
    }

    /// <returns>Whether the signals are stored (now or before).</returns>
    private async Task<bool> StoreAsync(IReadOnlyList<(CampaignRateAlarm Alarm, int Episode)> raise, CampaignAlarmTrigger trigger)
    {
        var signals = raise.Select(r => new Signal(
            CampaignAlarms.SignalIdOf(r.Alarm.Type, CampaignKey, r.Episode), r.Alarm.Type, trigger.LeadId, CampaignKey,
            [trigger.EventId], trigger.OccurredAt, clock.GetUtcNow())).ToList();
        var outcome = await timeline.AppendAsync(new TimelineAppend(trigger.LeadId, trigger.LeadId, [], [], Signals: signals));
        // The lead was merged into another meanwhile: raised by a later trigger instead.
        // Stored in the stream outbox with the signals: the relay publishes them.
        return !outcome.Misrouted;
    }

    private void Watch(bool watching)
    {
        if (!watching)
        {
            _watch?.Dispose();
            _watch = null;
            return;
        }
        var every = options.Value.CampaignRecheckInterval;
        _watch ??= this.RegisterGrainTimer(_ => CheckAsync(), new GrainTimerCreationOptions(every, every) { KeepAlive = true });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Type} raised for campaign {CampaignKey}: rate {Rate:P1} of {Sent} leads sent to")]
    private static partial void LogRaised(ILogger logger, string type, string campaignKey, double rate, long sent);
}
