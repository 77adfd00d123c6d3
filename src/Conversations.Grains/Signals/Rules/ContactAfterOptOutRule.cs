namespace Conversations.Grains.Signals.Rules;

/// <summary>
/// A compliance alarm: something sent to the lead, on any channel, after the lead unsubscribed (or bounced). Once per
/// outbound touch; the evidence is the first opt-out before it and the touch.
/// </summary>
public sealed class ContactAfterOptOutRule(string type, FactKind optOut) : ISignalRule
{
    public IEnumerable<DetectedSignal> Detect(IReadOnlyList<SignalFact> timeline, IReadOnlySet<string> newEventIds)
    {
        var first = timeline.FirstOrDefault(f => f.Kind == optOut);
        if (first is null) yield break;
        foreach (var touch in timeline.Where(f => f.Kind == FactKind.OutboundTouch && f.OccurredAt > first.OccurredAt))
        {
            if (touch.IsNewIn(newEventIds) || first.IsNewIn(newEventIds))
                yield return new DetectedSignal(type, touch.Anchor, [first.EventId, touch.EventId], touch.OccurredAt, touch.CampaignKey);
        }
    }
}
