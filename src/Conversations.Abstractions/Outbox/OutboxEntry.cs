using Conversations.Abstractions.Events;
using Conversations.Abstractions.Signals;

namespace Conversations.Abstractions.Outbox;

/// <summary>What one transaction stored that subscribers have not been sent yet: its new events and its new signals.</summary>
/// <param name="Id">The transaction's outbox id: acknowledging it deletes the entry.</param>
/// <param name="Events">The new events with the lead each was stored under, in the order they were stored.</param>
/// <param name="Signals">The new signals, in the order they were stored.</param>
public sealed record OutboxEntry(Guid Id, IReadOnlyList<OutboxEvent> Events, IReadOnlyList<Signal> Signals);

/// <summary>An event to publish, and the lead whose timeline holds it.</summary>
public sealed record OutboxEvent(string LeadId, ConversationEvent Event);
