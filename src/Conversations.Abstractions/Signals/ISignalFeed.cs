namespace Conversations.Abstractions.Signals;

/// <summary>
/// Every stored signal in one order that only grows at its end: a reader that resumes after the cursor of the last
/// signal it saw misses none stored since, whatever order their transactions committed in.
/// </summary>
public interface ISignalFeed
{
    /// <summary>Up to <paramref name="limit"/> signals after <paramref name="after"/> (null: from the first), in feed order.</summary>
    Task<IReadOnlyList<FeedSignal>> ReadAfterAsync(SignalFeedCursor? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The cursor of the feed's last signal now (null while it has none): where a reader of new signals only starts.</summary>
    Task<SignalFeedCursor?> EndAsync(CancellationToken cancellationToken = default);
}

/// <summary>A signal and its place in the feed.</summary>
[GenerateSerializer, Immutable, Alias("conversations.FeedSignal")]
public sealed record FeedSignal([property: Id(0)] SignalFeedCursor Cursor, [property: Id(1)] Signal Signal);

/// <summary>Which signals a reader wants: of these types (any, when empty), about this campaign (any, when null).</summary>
public sealed record SignalFilter(IReadOnlyCollection<string> Types, string? CampaignKey)
{
    public static SignalFilter All { get; } = new([], null);

    public bool Matches(Signal signal) =>
        (Types.Count == 0 || Types.Contains(signal.Type)) && (CampaignKey is null || CampaignKey == signal.CampaignKey);
}
