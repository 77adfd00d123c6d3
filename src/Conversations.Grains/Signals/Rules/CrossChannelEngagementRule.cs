namespace Conversations.Grains.Signals.Rules;

/// <summary>
/// Engagement (opens, clicks, replies a person wrote) on enough different channels within one window. Once per lead:
/// the first window that qualifies; the evidence is the latest engagement on each channel in it.
/// </summary>
public sealed class CrossChannelEngagementRule(SignalRuleOptions options) : ISignalRule
{
    public IEnumerable<DetectedSignal> Detect(IReadOnlyList<SignalFact> timeline, IReadOnlySet<string> newEventIds)
    {
        var engagement = timeline.Where(f => f.IsEngagement).ToList();
        var news = engagement.Where(f => f.IsNewIn(newEventIds)).Select(f => f.OccurredAt).ToList();
        foreach (var end in engagement)
        {
            // Only windows with a new event in them: a lead with a long history is not read whole for each event.
            var start = end.OccurredAt - options.CrossChannelWindow;
            if (!news.Any(at => at <= end.OccurredAt && at > start)) continue;
            var inWindow = engagement.Where(f => f.OccurredAt <= end.OccurredAt && f.OccurredAt > start).ToList();
            var latestPerChannel = inWindow.GroupBy(f => f.Channel).Select(channel => channel.Last()).OrderBy(f => f.OccurredAt).ToList();
            if (latestPerChannel.Count < options.CrossChannelChannels) continue;
            yield return new DetectedSignal(SignalTypes.CrossChannelEngagement, DetectedSignal.OncePerLead,
                latestPerChannel.Select(f => f.EventId).ToList(), end.OccurredAt, end.CampaignKey);
            yield break;
        }
    }
}
