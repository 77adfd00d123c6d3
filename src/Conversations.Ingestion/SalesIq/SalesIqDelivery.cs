using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// One delivery's envelope: the event name (lower case), its <c>entity</c>, and when it arrived. The envelope's
/// <c>attempt</c> counts SalesIQ's retries and <c>app_id</c> names the brand, so neither is part of any event id.
/// </summary>
internal readonly record struct SalesIqDelivery(string EventName, PayloadObject Root, PayloadObject Entity, DateTimeOffset ReceivedAt)
{
    /// <summary>The conversation's or visitor's id: <c>entity.id</c>, else the envelope's <c>entity_id</c>.</summary>
    public string EntityId() =>
        Entity.Id("id") ?? Root.Id("entity_id") ?? throw new InvalidPayloadException("entity.id and entity_id are both missing");

    /// <summary>An event whose id is made from the event name and <paramref name="naturalKey"/>.</summary>
    public ConversationEvent Event(
        EventKind kind, Direction direction, DateTimeOffset occurredAt, LeadIdentity lead, params ReadOnlySpan<string?> naturalKey) => new()
    {
        EventId = EventIds.Create(Providers.SalesIq, kind, [EventName, .. naturalKey]),
        Kind = kind,
        Channel = Channel.Chat,
        Direction = direction,
        Provider = Providers.SalesIq,
        OccurredAt = occurredAt,
        ReceivedAt = ReceivedAt,
        Lead = lead,
    };
}
