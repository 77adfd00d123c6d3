using Conversations.Grains.Streams;

namespace Conversations.Grains.Tests;

public sealed class StreamBatchesTests
{
    private static readonly StreamId First = StreamId.Create("test", "first");
    private static readonly StreamId Second = StreamId.Create("test", "second");

    [Fact]
    public void Items_AreGatheredByStream_InTheOrderTheyWereAdded_WithTheEntriesTheyCameFrom()
    {
        var (entryA, entryB, entryC) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var batches = new StreamBatches<string>();

        batches.Add(First, "a1", entryA);
        batches.Add(Second, "a2", entryA);
        batches.Add(First, "b1", entryB);
        batches.Add(First, "c1", entryC);
        batches.Add(First, "c2", entryC);

        var first = Assert.Single(batches.Batches, batch => batch.Stream == First);
        Assert.Equal(["a1", "b1", "c1", "c2"], first.Items);
        Assert.Equal(new[] { entryA, entryB, entryC }.Order(), first.EntryIds.Order());
        var second = Assert.Single(batches.Batches, batch => batch.Stream == Second);
        Assert.Equal(["a2"], second.Items);
        Assert.Equal([entryA], second.EntryIds);
    }
}
