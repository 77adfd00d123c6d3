using Conversations.Abstractions.Signals;
using Orleans.Concurrency;

namespace Conversations.Grains.Signals;

/// <summary>Reads the store's signal feed for Orleans clients; holds nothing, so any silo serves any call.</summary>
[StatelessWorker]
public sealed class SignalFeedGrain(ISignalFeed feed) : Grain, ISignalFeedGrain
{
    public const int MaxLimit = 1_000;

    public Task<IReadOnlyList<FeedSignal>> ReadAfterAsync(SignalFeedCursor? after, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        return feed.ReadAfterAsync(after, limit);
    }

    public Task<SignalFeedCursor?> EndAsync() => feed.EndAsync();
}
