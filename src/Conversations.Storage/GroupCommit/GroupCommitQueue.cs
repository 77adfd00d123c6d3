using System.Diagnostics;
using System.Threading.Channels;

namespace Conversations.Storage.GroupCommit;

/// <summary>
/// Collects work items from many concurrent callers and commits them in batches: each writer loop takes
/// whatever is queued (up to <c>maxBatchSize</c>) and commits it in one transaction, so the cost of a durable
/// commit (an fsync) is shared by every item in the batch. A caller's task completes only after its batch
/// committed, or faults with the commit's exception.
/// </summary>
/// <remarks>
/// One bad item must not cost the others: when a batch fails with an error that <c>refusalOf</c> says came from
/// what was written (not from the connection, after which the outcome is unknown), the batch is split in halves
/// that commit on their own, down to the single item that fails, which alone gets the refusal.
/// </remarks>
internal sealed class GroupCommitQueue<TItem, TResult> : IAsyncDisposable
{
    public delegate Task<IReadOnlyList<TResult>> CommitBatch(IReadOnlyList<TItem> items, CancellationToken cancellationToken);

    private readonly string _itemSpanName;
    private readonly string _batchSpanName;
    private readonly KeyValuePair<string, object?> _queueTag;
    private readonly Channel<Pending> _queue;
    private readonly CommitBatch _commit;
    private readonly int _maxBatchSize;
    private readonly Func<Exception, Exception?> _refusalOf;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;

    /// <param name="name">What the queue commits (e.g. <c>timeline</c>), in its metrics and spans.</param>
    /// <param name="commit">Commits one batch atomically and returns a result per item, in order.</param>
    /// <param name="maxBatchSize">The most items committed together.</param>
    /// <param name="writers">How many batches may commit at once.</param>
    /// <param name="capacity">
    /// How many items may wait before enqueuing waits (back-pressure); default four full batches per writer, so
    /// the writers never starve while callers are not held up by a burst.
    /// </param>
    /// <param name="refusalOf">
    /// When a failed commit was rolled back because of what the batch holds (so that its halves may be committed
    /// separately to find the bad item), the error the item at fault gets; otherwise null, and the whole batch
    /// fails with the commit's own error. Default: always null.
    /// </param>
    public GroupCommitQueue(string name, CommitBatch commit, int maxBatchSize, int writers, int? capacity = null, Func<Exception, Exception?>? refusalOf = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _itemSpanName = $"{name} commit";
        _batchSpanName = $"{name} group commit";
        _queueTag = new("queue", name);
        _commit = commit;
        _maxBatchSize = maxBatchSize;
        _refusalOf = refusalOf ?? (_ => null);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity ?? maxBatchSize * writers * 4)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = writers == 1,
        });
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public async Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        using var activity = GroupCommitTelemetry.Source.StartActivity(_itemSpanName);
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), activity);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var pending)) batch.Add(pending);
            if (batch.Count == 0) continue;
            await CommitMeasuredAsync(batch);
        }
    }

    private async Task CommitMeasuredAsync(List<Pending> batch)
    {
        var links = batch.Where(p => p.Activity is not null).Select(p => new ActivityLink(p.Activity!.Context));
        using var activity = GroupCommitTelemetry.Source.StartActivity(ActivityKind.Internal, parentContext: default, links: links, name: _batchSpanName);
        activity?.SetTag("conversations.group_commit.batch_size", batch.Count);
        foreach (var pending in batch) pending.Activity?.SetTag("conversations.group_commit.batch_size", batch.Count);
        var started = Stopwatch.GetTimestamp();
        await CommitAsync(batch);
        GroupCommitTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _queueTag);
        GroupCommitTelemetry.BatchSize.Record(batch.Count, _queueTag);
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            var results = await _commit(batch.ConvertAll(p => p.Item), _stopping.Token);
            for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(results[i]);
        }
        catch (Exception exception) when (_refusalOf(exception) is { } refusal)
        {
            if (batch.Count == 1)
            {
                batch[0].Completion.TrySetException(refusal);
                return;
            }
            var half = batch.Count / 2;
            await CommitAsync(batch.GetRange(0, half));
            await CommitAsync(batch.GetRange(half, batch.Count - half));
        }
        catch (Exception exception)
        {
            foreach (var pending in batch) pending.Completion.TrySetException(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Drain: items already queued are committed before the writers stop.
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
        _stopping.Dispose();
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Completion, Activity? Activity);
}
