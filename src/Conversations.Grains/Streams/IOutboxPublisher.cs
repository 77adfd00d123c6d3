using Conversations.Abstractions.Outbox;

namespace Conversations.Grains.Streams;

/// <summary>Sends an outbox entry's events and signals to subscribers. A failure leaves the entry in the outbox, to be sent again.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
