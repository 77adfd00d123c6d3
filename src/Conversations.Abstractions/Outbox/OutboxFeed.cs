using System.Threading.Channels;

namespace Conversations.Abstractions.Outbox;

/// <summary>
/// Hands what the stores commit to the relay in this process without a read. Bounded: when the relay falls behind,
/// a new entry is not queued (the committing writer never waits for subscribers) and is published when it falls due
/// in the table instead.
/// </summary>
public sealed class OutboxFeed(OutboxOptions options)
{
    private readonly Channel<OutboxEntry> _entries = Channel.CreateBounded<OutboxEntry>(
        new BoundedChannelOptions(options.FeedCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public OutboxOptions Options { get; } = options;

    public ChannelReader<OutboxEntry> Reader => _entries.Reader;

    /// <summary>Offers a committed entry; false when the feed is full and the entry waits for its due time.</summary>
    public bool Offer(OutboxEntry entry) => _entries.Writer.TryWrite(entry);
}
