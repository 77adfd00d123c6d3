using System.Runtime.CompilerServices;

namespace Conversations.Abstractions.Signals;

/// <summary>Following the signal feed from a cursor: the one loop behind the HTTP signal stream and Conversations.Client.</summary>
public static class SignalFeedFollowing
{
    public const int PageSize = 200;

    /// <summary>
    /// Reads the feed after <paramref name="from"/> (null: from the first) until <paramref name="cancellationToken"/> ends it,
    /// and yields, per read, the signals that match <paramref name="filter"/> (none when nothing new matched); waits
    /// <paramref name="pollInterval"/> after a read that was not full. The cursor passes the signals the filter leaves
    /// out, so they are not read again.
    /// </summary>
    /// <param name="readAfter">A read of the feed: up to the limit of signals after the cursor, in feed order.</param>
    /// <param name="filter">Which signals are yielded.</param>
    /// <param name="from">Where to start: after this cursor, or from the first when null.</param>
    /// <param name="pollInterval">The wait after a read that was not full.</param>
    /// <param name="clock">Times the wait.</param>
    /// <param name="cancellationToken">Ends the reading.</param>
    public static async IAsyncEnumerable<IReadOnlyList<FeedSignal>> ReadsAsync(
        Func<SignalFeedCursor?, int, CancellationToken, Task<IReadOnlyList<FeedSignal>>> readAfter,
        SignalFilter filter, SignalFeedCursor? from, TimeSpan pollInterval, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = from;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await readAfter(cursor, PageSize, cancellationToken);
            if (page.Count > 0) cursor = page[^1].Cursor;
            yield return page.Where(signal => filter.Matches(signal.Signal)).ToList();
            if (page.Count < PageSize) await Task.Delay(pollInterval, clock, cancellationToken);
        }
    }
}
