namespace Conversations.Grains.Signals.Rules;

/// <summary>
/// Engagement without a reply yet: within one window, enough opens, or a click and fewer opens. Once per lead: the
/// first window that qualifies, as soon as an event completes it (also one that arrives late).
/// </summary>
public sealed class HotLeadRule(SignalRuleOptions options) : ISignalRule
{
    public IEnumerable<DetectedSignal> Detect(IReadOnlyList<SignalFact> timeline, IReadOnlySet<string> newEventIds)
    {
        var engagement = timeline.Where(f => f.Kind is FactKind.Opened or FactKind.Clicked).ToList();
        var news = engagement.Where(f => f.IsNewIn(newEventIds)).Select(f => f.OccurredAt).ToList();
        foreach (var end in engagement)
        {
            // Only windows with a new event in them: a lead with a long history is not read whole for each event.
            var start = end.OccurredAt - options.HotLeadWindow;
            if (!news.Any(at => at <= end.OccurredAt && at > start)) continue;
            var inWindow = engagement.Where(f => f.OccurredAt <= end.OccurredAt && f.OccurredAt > start).ToList();
            if (!IsHot(inWindow)) continue;
            if (timeline.Any(f => f.IsHumanReply && f.OccurredAt <= end.OccurredAt)) yield break;
            yield return new DetectedSignal(SignalTypes.HotLead, DetectedSignal.OncePerLead, inWindow.Select(f => f.EventId).ToList(), end.OccurredAt, end.CampaignKey);
            yield break;
        }
    }

    private bool IsHot(List<SignalFact> window)
    {
        var opens = window.Count(f => f.Kind == FactKind.Opened);
        return opens >= options.HotLeadOpens || (opens >= options.HotLeadOpensWithAClick && window.Any(f => f.Kind == FactKind.Clicked));
    }
}
