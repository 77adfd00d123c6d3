using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Conversations.Abstractions.Signals;

/// <summary>
/// A place in the signal feed: the transaction that stored a signal (its commit order where the store can tell it;
/// 0 where commits are serial), then the signal's position. Written <c>{commit}-{position}</c>, the <c>id:</c> of a
/// server-sent event.
/// </summary>
[GenerateSerializer, Immutable, Alias("conversations.SignalFeedCursor")]
public readonly record struct SignalFeedCursor([property: Id(0)] long Commit, [property: Id(1)] long Position) : IComparable<SignalFeedCursor>
{
    /// <summary>Before the first signal: reading after it reads the whole feed.</summary>
    public static SignalFeedCursor Start { get; } = new(0, 0);

    public int CompareTo(SignalFeedCursor other) => (Commit, Position).CompareTo((other.Commit, other.Position));

    public static bool operator <(SignalFeedCursor left, SignalFeedCursor right) => left.CompareTo(right) < 0;
    public static bool operator <=(SignalFeedCursor left, SignalFeedCursor right) => left.CompareTo(right) <= 0;
    public static bool operator >(SignalFeedCursor left, SignalFeedCursor right) => left.CompareTo(right) > 0;
    public static bool operator >=(SignalFeedCursor left, SignalFeedCursor right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Commit}-{Position}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out SignalFeedCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('-');
        if (parts is not [var commit, var position]
            || !long.TryParse(commit, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            || !long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            return false;
        cursor = new SignalFeedCursor(c, p);
        return true;
    }
}
