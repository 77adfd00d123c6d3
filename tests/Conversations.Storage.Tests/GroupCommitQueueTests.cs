using System.Collections.Concurrent;
using System.Threading.Channels;
using Conversations.Storage.GroupCommit;

namespace Conversations.Storage.Tests;

/// <summary>The group commit queue with a commit that the test holds and releases, no database.</summary>
public sealed class GroupCommitQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Enqueue_WhileABatchCommits_QueuesTheNextItems_AndCommitsThemInBatchesOfAtMostTheMaxSize()
    {
        var commit = new HeldCommit();
        await using var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 3, writers: 1, capacity: 16);

        var first = queue.EnqueueAsync(0, CancellationToken.None);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var rest = Enumerable.Range(1, 7).Select(item => queue.EnqueueAsync(item, CancellationToken.None)).ToList();
        commit.ReleaseAll();

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7"], await Task.WhenAll([first, .. rest]).WaitAsync(Patience));
        Assert.Equal([[0], [1, 2, 3], [4, 5, 6], [7]], commit.Batches);
    }

    [Fact]
    public async Task Enqueue_CompletesOnlyOnceItsBatchHasCommitted()
    {
        var commit = new HeldCommit();
        await using var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 8, writers: 1, capacity: 16);

        var pending = queue.EnqueueAsync(1, CancellationToken.None);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);

        commit.ReleaseAll();
        Assert.Equal("1", await pending.WaitAsync(Patience));
    }

    [Fact]
    public async Task Enqueue_WhenABatchFails_FaultsEveryCallerOfThatBatch_AndLaterBatchesStillCommit()
    {
        var failure = new InvalidOperationException("disk full");
        var commit = new HeldCommit();
        await using var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 8, writers: 1, capacity: 16);

        var head = queue.EnqueueAsync(0, CancellationToken.None);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var failing = Enumerable.Range(1, 3).Select(item => queue.EnqueueAsync(item, CancellationToken.None)).ToList();
        commit.Release();
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        commit.Fail(failure);

        Assert.Equal("0", await head.WaitAsync(Patience));
        foreach (var caller in failing)
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => caller.WaitAsync(Patience)));

        commit.ReleaseAll();
        Assert.Equal("4", await queue.EnqueueAsync(4, CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task Enqueue_WhenABatchFailsForItsContent_SplitsIt_SoOnlyTheBadItemFails()
    {
        var commit = new HeldCommit();
        var refusal = new InvalidDataException("item 5 cannot be stored");
        await using var queue = new GroupCommitQueue<int, string>("test", 
            (items, ct) => items.Contains(5) ? throw new ArgumentException("a batch with item 5") : commit.CommitAsync(items, ct),
            maxBatchSize: 16, writers: 1, capacity: 16, refusalOf: e => e is ArgumentException ? refusal : null);
        commit.ReleaseAll();

        var head = queue.EnqueueAsync(0, CancellationToken.None);
        await head.WaitAsync(Patience);
        var callers = Enumerable.Range(1, 9).Select(item => queue.EnqueueAsync(item, CancellationToken.None)).ToList();

        Assert.Same(refusal, await Assert.ThrowsAsync<InvalidDataException>(() => callers[4].WaitAsync(Patience)));
        callers.RemoveAt(4);
        Assert.Equal(["1", "2", "3", "4", "6", "7", "8", "9"], await Task.WhenAll(callers).WaitAsync(Patience));
        Assert.DoesNotContain(commit.Batches, batch => batch.Contains(5));
        Assert.Equal(10, commit.Batches.Sum(batch => batch.Length) + 1);
    }

    [Fact]
    public async Task Enqueue_WhenABatchFailsForAnotherReason_FailsItWhole_WithoutSplitting()
    {
        var attempts = 0;
        var lost = new InvalidOperationException("connection lost");
        await using var queue = new GroupCommitQueue<int, string>("test", 
            (_, _) => { Interlocked.Increment(ref attempts); return Task.FromException<IReadOnlyList<string>>(lost); },
            maxBatchSize: 16, writers: 1, capacity: 16, refusalOf: e => e is ArgumentException ? e : null);

        var callers = Enumerable.Range(0, 8).Select(item => queue.EnqueueAsync(item, CancellationToken.None)).ToList();

        foreach (var caller in callers) await Assert.ThrowsAsync<InvalidOperationException>(() => caller.WaitAsync(Patience));
        Assert.True(attempts <= callers.Count, $"{attempts} commits for {callers.Count} items: a failure that is not the content's was split.");
    }

    [Fact]
    public async Task Enqueue_WithSeveralWriters_CommitsThatManyBatchesAtOnce()
    {
        var commit = new HeldCommit();
        await using var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 1, writers: 2, capacity: 16);

        var callers = Enumerable.Range(0, 3).Select(item => queue.EnqueueAsync(item, CancellationToken.None)).ToList();
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await Task.Delay(50);

        Assert.Equal(2, commit.InFlight);
        commit.ReleaseAll();
        Assert.Equal(["0", "1", "2"], await Task.WhenAll(callers).WaitAsync(Patience));
    }

    [Fact]
    public async Task Enqueue_WhenCancelledWhileTheQueueIsFull_ThrowsAndItsItemIsNeverCommitted()
    {
        var commit = new HeldCommit();
        await using var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 1, writers: 1, capacity: 1);
        var inCommit = queue.EnqueueAsync(0, CancellationToken.None);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var queued = queue.EnqueueAsync(1, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = queue.EnqueueAsync(2, cancellation.Token);
        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        commit.ReleaseAll();
        await Task.WhenAll(inCommit, queued).WaitAsync(Patience);
        Assert.Equal([[0], [1]], commit.Batches);
    }

    [Fact]
    public async Task Enqueue_WhenCancelledAfterItsItemIsQueued_StillWaitsForTheCommit_BecauseTheItemWillBeWritten()
    {
        var commit = new HeldCommit();
        await using var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 8, writers: 1, capacity: 16);
        using var cancellation = new CancellationTokenSource();

        var pending = queue.EnqueueAsync(1, cancellation.Token);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await cancellation.CancelAsync();
        commit.ReleaseAll();

        Assert.Equal("1", await pending.WaitAsync(Patience));
    }

    [Fact]
    public async Task Dispose_CommitsWhatIsAlreadyQueued_BeforeItReturns()
    {
        var commit = new HeldCommit();
        var queue = new GroupCommitQueue<int, string>("test", commit.CommitAsync, maxBatchSize: 2, writers: 1, capacity: 16);
        var head = queue.EnqueueAsync(0, CancellationToken.None);
        await commit.Started.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        var queued = Enumerable.Range(1, 3).Select(item => queue.EnqueueAsync(item, CancellationToken.None)).ToList();

        var disposing = queue.DisposeAsync().AsTask();
        await Task.Delay(50);
        Assert.False(disposing.IsCompleted);
        commit.ReleaseAll();
        await disposing.WaitAsync(Patience);

        Assert.Equal([[0], [1, 2], [3]], commit.Batches);
        Assert.Equal(["0", "1", "2", "3"], await Task.WhenAll([head, .. queued]).WaitAsync(Patience));
    }

    [Fact]
    public async Task Enqueue_AfterDispose_IsRefused()
    {
        var queue = new GroupCommitQueue<int, string>("test", new HeldCommit().CommitAsync, maxBatchSize: 2, writers: 1, capacity: 16);
        await queue.DisposeAsync();

        await Assert.ThrowsAsync<ChannelClosedException>(() => queue.EnqueueAsync(1, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Constructor_WithoutRoomForABatchOrAWriter_Throws(int maxBatchSize, int writers)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new GroupCommitQueue<int, string>("test", new HeldCommit().CommitAsync, maxBatchSize, writers, capacity: 16));
    }

    /// <summary>
    /// A commit that records each batch and waits until the test releases it (or fails it); once released for
    /// good, later batches commit at once. Results are the items as text, so each caller's own result shows.
    /// </summary>
    private sealed class HeldCommit
    {
        private readonly ConcurrentQueue<TaskCompletionSource> _held = new();
        private readonly List<int[]> _batches = [];
        private volatile bool _releasedForGood;
        private int _inFlight;

        /// <summary>One signal per commit begun.</summary>
        public Channel<int> Started { get; } = Channel.CreateUnbounded<int>();

        public int InFlight => Volatile.Read(ref _inFlight);

        public IReadOnlyList<int[]> Batches
        {
            get { lock (_batches) return [.. _batches]; }
        }

        public async Task<IReadOnlyList<string>> CommitAsync(IReadOnlyList<int> items, CancellationToken cancellationToken)
        {
            lock (_batches) _batches.Add([.. items]);
            Interlocked.Increment(ref _inFlight);
            try
            {
                if (!_releasedForGood)
                {
                    var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _held.Enqueue(gate);
                    // ReleaseAll may have drained the held gates between the check above and the enqueue.
                    if (_releasedForGood) gate.TrySetResult();
                    Started.Writer.TryWrite(items[0]);
                    await gate.Task;
                }
                return items.Select(item => item.ToString()).ToList();
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        /// <summary>Lets the oldest held commit succeed.</summary>
        public void Release() => Take().TrySetResult();

        /// <summary>Fails the oldest held commit.</summary>
        public void Fail(Exception exception) => Take().TrySetException(exception);

        /// <summary>Lets every held commit succeed, and every later one commit without waiting.</summary>
        public void ReleaseAll()
        {
            _releasedForGood = true;
            while (_held.TryDequeue(out var gate)) gate.TrySetResult();
        }

        private TaskCompletionSource Take() =>
            _held.TryDequeue(out var gate) ? gate : throw new InvalidOperationException("No commit is held.");
    }
}
