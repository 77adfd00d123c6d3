namespace Conversations.Abstractions.Signals;

/// <summary>
/// The signal feed (<see cref="ISignalFeed"/>) for Orleans clients, which have no store of their own: any key, one
/// activation per silo as needed (a stateless worker).
/// </summary>
[Alias("conversations.ISignalFeedGrain")]
public interface ISignalFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="limit"/> (1–1000) signals after <paramref name="after"/> (null: from the first), in feed order.</summary>
    [Alias("ReadAfter")]
    Task<IReadOnlyList<FeedSignal>> ReadAfterAsync(SignalFeedCursor? after, int limit);

    /// <summary>The cursor of the feed's last signal now; null while it has none.</summary>
    [Alias("End")]
    Task<SignalFeedCursor?> EndAsync();
}
