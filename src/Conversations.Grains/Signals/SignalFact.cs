using Conversations.Abstractions.Events;

namespace Conversations.Grains.Signals;

/// <summary>What the rules need to know of one timeline event.</summary>
/// <param name="EventId">The event's id (for a reply: of the reply, or of its classification while the reply is unknown).</param>
/// <param name="Kind">Opened, clicked, a reply (<see cref="FactKind.Reply"/>), an opt-out or an outbound touch.</param>
/// <param name="Channel">Where it happened.</param>
/// <param name="OccurredAt">When, by the provider's clock: rules read the timeline in this order.</param>
/// <param name="CampaignKey">The campaign it belongs to, if any.</param>
/// <param name="Intent">For a reply: the provider's classification where given, else the classifier's.</param>
/// <param name="Anchor">What a signal about this fact is keyed by: a reply's message id (its classification may come apart), else the event id.</param>
/// <param name="Sources">The events it was made of: the event, or a reply and its classification.</param>
public sealed record SignalFact(
    string EventId, FactKind Kind, Channel Channel, DateTimeOffset OccurredAt, string? CampaignKey, ReplyIntent? Intent, string Anchor,
    IReadOnlyList<string> Sources)
{
    /// <summary>Whether one of the events it was made of is among <paramref name="newEventIds"/>.</summary>
    public bool IsNewIn(IReadOnlySet<string> newEventIds) => Sources.Any(newEventIds.Contains);

    /// <summary>An open, a click, or a reply that is not an automatic one.</summary>
    public bool IsEngagement => Kind is FactKind.Opened or FactKind.Clicked || (Kind == FactKind.Reply && Intent != ReplyIntent.OutOfOffice);

    /// <summary>A reply a person wrote (an automatic reply counts as a reply for nothing).</summary>
    public bool IsHumanReply => Kind == FactKind.Reply && Intent != ReplyIntent.OutOfOffice;
}

public enum FactKind
{
    Opened,
    Clicked,
    Reply,
    Unsubscribed,
    Bounced,
    /// <summary>Something sent to the lead: an email, an outbound message.</summary>
    OutboundTouch,
}
