namespace Conversations.Abstractions.Timeline;

/// <summary>What an append wrote, and what the timeline held before it.</summary>
/// <param name="Applied">The entries newly written (redelivered events are left out).</param>
/// <param name="History">
/// The lead's latest entries (at most <see cref="TimelineAppend.HistoryLimit"/>) as they were before this
/// append, in position order; fewer than the limit means the whole timeline. Empty when no history was asked for.
/// </param>
/// <param name="ClaimLost">
/// Nothing was written: an alias in <see cref="TimelineAppend.Claims"/> belongs to another lead.
/// </param>
public sealed record AppendOutcome(IReadOnlyList<TimelineEntry> Applied, IReadOnlyList<TimelineEntry> History, bool ClaimLost = false)
{
    public static AppendOutcome Lost { get; } = new([], [], ClaimLost: true);
}
