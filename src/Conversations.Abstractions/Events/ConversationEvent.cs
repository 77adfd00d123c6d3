namespace Conversations.Abstractions.Events;

/// <summary>
/// One canonical event, normalized from a provider's webhook. <see cref="EventId"/> is derived from what the
/// provider sent, so a redelivery of the same event always gets the same id.
/// </summary>
[GenerateSerializer, Immutable, Alias("conversations.ConversationEvent")]
public sealed record ConversationEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required EventKind Kind { get; init; }
    [Id(2)] public required Channel Channel { get; init; }
    [Id(3)] public required string Provider { get; init; }
    /// <summary>When it happened, by the provider's clock.</summary>
    [Id(4)] public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>When this service received the delivery.</summary>
    [Id(5)] public required DateTimeOffset ReceivedAt { get; init; }
    [Id(6)] public required LeadIdentity Lead { get; init; }
    [Id(7)] public CampaignRef? Campaign { get; init; }
    [Id(8)] public Direction Direction { get; init; }
    /// <summary>The provider's id of the message this event is about (an email id, a LinkedIn message id).</summary>
    [Id(9)] public string? MessageId { get; init; }
    [Id(10)] public string? Subject { get; init; }
    [Id(11)] public string? Text { get; init; }
    [Id(12)] public ReplySentiment? Sentiment { get; init; }
    /// <summary>The link clicked, for <see cref="EventKind.Clicked"/>.</summary>
    [Id(13)] public string? Url { get; init; }

    /// <summary>A reply by the lead: an explicit reply, or an inbound conversation message.</summary>
    public bool IsReply => Kind == EventKind.Replied || (Kind == EventKind.Message && Direction == Direction.Inbound);
}
