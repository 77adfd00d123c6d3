using System.Collections.Concurrent;
using Conversations.Abstractions.Outbox;
using Conversations.Grains.Streams;

namespace Conversations.Host.Tests.Streams;

/// <summary>A publisher that never finishes: the silo commits and stops before anything reaches a subscriber.</summary>
public sealed class NeverPublishing : IOutboxPublisher
{
    public async Task<IReadOnlyCollection<Guid>> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return [];
    }
}

/// <summary>Fails the first <paramref name="failures"/> publishes, then publishes with <paramref name="inner"/>.</summary>
public sealed class FailingFirst(int failures, IOutboxPublisher inner) : IOutboxPublisher
{
    private int _calls;

    public int Failed => Math.Min(Volatile.Read(ref _calls), failures);

    public Task<IReadOnlyCollection<Guid>> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) <= failures
            ? Task.FromException<IReadOnlyCollection<Guid>>(new InvalidOperationException("Publishing failed (test)."))
            : inner.PublishAsync(entries, cancellationToken);
}

/// <summary>Publishes with <paramref name="inner"/> and records the ids of the events and signals of the entries it published.</summary>
public sealed class RecordingPublisher(IOutboxPublisher inner) : IOutboxPublisher
{
    private readonly ConcurrentDictionary<string, byte> _published = new(StringComparer.Ordinal);

    public async Task<IReadOnlyCollection<Guid>> PublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var published = await inner.PublishAsync(entries, cancellationToken);
        foreach (var entry in entries.Where(entry => published.Contains(entry.Id)))
        {
            foreach (var id in entry.Events.Select(e => e.Event.EventId).Concat(entry.Signals.Select(s => s.Id))) _published.TryAdd(id, 0);
        }
        return published;
    }

    public bool Published(string id) => _published.ContainsKey(id);
}
