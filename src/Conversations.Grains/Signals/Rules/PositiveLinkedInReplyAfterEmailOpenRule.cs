using Conversations.Abstractions.Events;

namespace Conversations.Grains.Signals.Rules;

/// <summary>
/// A positive reply on LinkedIn from a lead that opened an email within the window before it (by occurred-at): the
/// evidence is that reply and the latest such open. Once per reply, whichever of the two arrived last.
/// </summary>
public sealed class PositiveLinkedInReplyAfterEmailOpenRule(TimeSpan window) : ISignalRule
{
    public IEnumerable<DetectedSignal> Detect(IReadOnlyList<SignalFact> timeline, IReadOnlySet<string> newEventIds)
    {
        foreach (var reply in timeline.Where(f => f is { Kind: FactKind.Reply, Channel: Channel.LinkedIn, Intent: ReplyIntent.Positive }))
        {
            var open = timeline.LastOrDefault(f => f is { Kind: FactKind.Opened, Channel: Channel.Email }
                && f.OccurredAt <= reply.OccurredAt && f.OccurredAt >= reply.OccurredAt - window);
            if (open is not null && (reply.IsNewIn(newEventIds) || open.IsNewIn(newEventIds)))
                yield return new DetectedSignal(SignalTypes.PositiveLinkedInReplyAfterEmailOpen, reply.Anchor, [open.EventId, reply.EventId], reply.OccurredAt, reply.CampaignKey);
        }
    }
}
