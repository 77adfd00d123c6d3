using System.Runtime.CompilerServices;
using Conversations.Abstractions.Signals;
using Microsoft.Extensions.Options;

namespace Conversations.Client;

/// <summary>
/// Follows the cluster's stored signals, in the order they became durable, from a cursor the caller kept: nothing
/// stored after it is missed, across restarts of the caller or of the cluster. Keep <see cref="FeedSignal.Cursor"/> of the
/// last signal handled and pass it back to resume there.
/// </summary>
public sealed class SignalFollower(IClusterClient client, IOptions<ConversationsClientOptions> options)
{
    /// <summary>
    /// The signals that match <paramref name="filter"/>, after <paramref name="after"/> (null: from what is new now;
    /// <see cref="SignalFeedCursor.Start"/>: from the first), until
    /// <paramref name="cancellationToken"/> ends it: the stored ones first, then new ones as they are stored.
    /// </summary>
    public async IAsyncEnumerable<FeedSignal> FollowAsync(
        SignalFilter filter, SignalFeedCursor? after = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var feed = client.GetGrain<ISignalFeedGrain>(0);
        var from = after ?? await feed.EndAsync().WaitAsync(cancellationToken);
        await foreach (var matches in SignalFeedFollowing.ReadsAsync((cursor, limit, token) => feed.ReadAfterAsync(cursor, limit).WaitAsync(token),
            filter, from, options.Value.PollInterval, TimeProvider.System, cancellationToken))
        {
            foreach (var signal in matches) yield return signal;
        }
    }
}
