namespace Conversations.Grains.Signals.Rules;

/// <summary>A reply of one intent (positive, negative, out-of-office), once per reply, also when its classification arrives later.</summary>
public sealed class ReplyIntentRule(string type, ReplyIntent intent) : ISignalRule
{
    public IEnumerable<DetectedSignal> Detect(IReadOnlyList<SignalFact> timeline, IReadOnlySet<string> newEventIds) =>
        timeline.Where(fact => fact.Kind == FactKind.Reply && fact.Intent == intent && fact.IsNewIn(newEventIds))
            .Select(reply => new DetectedSignal(type, reply.Anchor, [reply.EventId], reply.OccurredAt, reply.CampaignKey));
}
