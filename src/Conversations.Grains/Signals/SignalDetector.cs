using Conversations.Abstractions.Events;
using Conversations.Grains.Signals.Rules;

namespace Conversations.Grains.Signals;

/// <summary>Runs every rule over a lead's timeline. To add a rule: write an <see cref="ISignalRule"/> in Rules, name its type in <see cref="SignalTypes"/>, and list it here.</summary>
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

    public ReplyIntentClassifier Classifier => classifier;

    /// <param name="timeline">Every event of the lead known, new ones included, in any order.</param>
    /// <param name="newEventIds">The events not seen before: only signals resting on one of them are returned.</param>
    public IReadOnlyList<DetectedSignal> Detect(IEnumerable<SignalEvent> timeline, IReadOnlySet<string> newEventIds)
    {
        if (newEventIds.Count == 0) return [];
        var facts = SignalFacts.Of(timeline);
        return _rules.SelectMany(rule => rule.Detect(facts, newEventIds)).ToList();
    }

    /// <inheritdoc cref="Detect(IEnumerable{SignalEvent}, IReadOnlySet{string})"/>
    public IReadOnlyList<DetectedSignal> Detect(IEnumerable<ConversationEvent> timeline, IReadOnlySet<string> newEventIds) =>
        Detect(timeline.Select(e => SignalEvent.From(e, classifier)).OfType<SignalEvent>(), newEventIds);
}
