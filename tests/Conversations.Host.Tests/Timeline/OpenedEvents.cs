using Conversations.Abstractions.Events;

namespace Conversations.Host.Tests.Timeline;

/// <summary>Minimal canonical events with fresh ids, for tests that need many events on one lead.</summary>
internal static class OpenedEvents
{
    public static ConversationEvent Create(string email, DateTimeOffset occurredAt) => new()
    {
        EventId = $"test:opened:{Guid.NewGuid():N}",
        Kind = EventKind.Opened,
        Channel = Channel.Email,
        Provider = "salesforge",
        OccurredAt = occurredAt,
        ReceivedAt = DateTimeOffset.UtcNow,
        Lead = new LeadIdentity { Email = email },
    };
}
