namespace Conversations.Abstractions.Timeline;

/// <summary>What an append wrote, and what the timeline held before it.</summary>
/// <param name="Applied">The entries newly written (redelivered events are left out).</param>
/// <param name="History">
/// The lead's latest entries (at most <see cref="TimelineAppend.HistoryLimit"/>) as they were before this
/// append, in position order; fewer than the limit means the whole timeline. Empty when no history was asked for.
/// </param>
/// <param name="Misrouted">
/// Nothing was written, because the append's route is out of date: an alias in <see cref="TimelineAppend.Claims"/>
/// belongs to another lead, or the lead was merged into another.
/// </param>
/// <param name="Generation">
/// How many merges and unmerges have moved rows into or out of the lead (<see cref="Leads.ILeadMerges"/>), read in
/// the append's transaction: state built from the log at another generation is out of date.
/// </param>
/// <param name="Signals">The append's signals stored now (those stored before are left out); null when it had none.</param>
public sealed record AppendOutcome(
    IReadOnlyList<TimelineEntry> Applied, IReadOnlyList<TimelineEntry> History, bool Misrouted = false, int Generation = 0,
    IReadOnlyList<Signals.Signal>? Signals = null)
{
    public static AppendOutcome Lost { get; } = new([], [], Misrouted: true);
}
