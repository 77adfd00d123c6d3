namespace Conversations.Grains.Streams;

/// <summary>
/// Items to publish gathered by stream: each stream's items in the order they were added, with the outbox entries they
/// came from, so that a stream whose publish failed holds back exactly those entries.
/// </summary>
public sealed class StreamBatches<T>
{
    private readonly Dictionary<StreamId, StreamBatch<T>> _byStream = [];

    public IReadOnlyCollection<StreamBatch<T>> Batches => _byStream.Values;

    public void Add(StreamId stream, T item, Guid entryId)
    {
        if (!_byStream.TryGetValue(stream, out var batch)) _byStream.Add(stream, batch = new StreamBatch<T>(stream));
        batch.Items.Add(item);
        batch.EntryIds.Add(entryId);
    }
}

/// <summary>One stream's items, in order, and the ids of the outbox entries they came from.</summary>
public sealed record StreamBatch<T>(StreamId Stream)
{
    public List<T> Items { get; } = [];

    public HashSet<Guid> EntryIds { get; } = [];
}
