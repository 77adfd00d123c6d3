using Conversations.Abstractions.Events;
using Conversations.Grains.Signals.Rules;

namespace Conversations.Grains.Signals;

/// <summary>Runs every rule over a lead's timeline and names each signal found by a deterministic id.</summary>
public sealed class SignalDetector(SignalRuleOptions options, ReplyIntentClassifier classifier)
{
    private readonly ISignalRule[] _rules =
    [
        new PositiveLinkedInReplyAfterEmailOpenRule(options.PositiveReplyAfterOpenWindow),
        new ReplyIntentRule(SignalTypes.PositiveReply, ReplyIntent.Positive),
        new ReplyIntentRule(SignalTypes.NegativeReply, ReplyIntent.Negative),
        new ReplyIntentRule(SignalTypes.OutOfOffice, ReplyIntent.OutOfOffice),
        new HotLeadRule(options),
        new CrossChannelEngagementRule(options),
        new ContactAfterOptOutRule(SignalTypes.ContactAfterUnsubscribe, FactKind.Unsubscribed),
        new ContactAfterOptOutRule(SignalTypes.ContactAfterBounce, FactKind.Bounced),
    ];

    /// <param name="timeline">Every event of the lead known, new ones included, in any order.</param>
    /// <param name="newEventIds">The events not seen before: only signals resting on one of them are returned.</param>
    public IReadOnlyList<DetectedSignal> Detect(IEnumerable<ConversationEvent> timeline, IReadOnlySet<string> newEventIds)
    {
        if (newEventIds.Count == 0) return [];
        var facts = SignalFacts.Of(timeline, classifier);
        return _rules.SelectMany(rule => rule.Detect(facts, newEventIds)).ToList();
    }
}
