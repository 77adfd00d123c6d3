using Conversations.Abstractions.Outbox;

namespace Conversations.Grains.Streams;

/// <summary>Sends outbox entries' events and signals to subscribers. An entry not reported as published stays in the outbox, to be sent again.</summary>
public interface IOutboxPublisher
{
    /// <returns>The ids of the entries whose every event and signal was published.</returns>
    Task<IReadOnlyCollection<Guid>> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);
}
