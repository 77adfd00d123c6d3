namespace Conversations.Abstractions.Timeline;

/// <summary>
/// The durable, append-only store of every lead's timeline. The lead grain is the only writer of its lead's
/// rows; implementations may group-commit appends from many leads into one transaction.
/// </summary>
public interface ITimelineStore
{
    /// <summary>
    /// Writes the events whose ids are not stored yet, the funnel marks and the signals, atomically, and records
    /// what was new in the stream outbox (<see cref="Outbox.IStreamOutbox"/>) in the same transaction. Returns the
    /// entries newly written (duplicates are left out) and, when asked for, the history before them. When the task
    /// completes, the entries are durable.
    /// </summary>
    Task<AppendOutcome> AppendAsync(TimelineAppend append, CancellationToken cancellationToken = default);

    /// <summary>The lead's entries with a position above <paramref name="afterPosition"/>, in occurred-at order.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(string leadId, long afterPosition = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> of the lead's entries after <paramref name="after"/> (from the start when
    /// null), in occurred-at order, ties in position order. The limit is applied by the store, not by the caller.
    /// </summary>
    Task<TimelinePage> ReadPageAsync(string leadId, TimelineCursor? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Whether any event is recorded for the lead: one index lookup, no rows read.</summary>
    Task<bool> ExistsAsync(string leadId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The lead's <paramref name="limit"/> most recently appended entries, in position order. Fewer than
    /// <paramref name="limit"/> means this is the whole timeline.
    /// </summary>
    Task<IReadOnlyList<TimelineEntry>> ReadLatestAsync(string leadId, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many merges and unmerges have moved rows into or out of the lead (0 for a lead never merged).</summary>
    Task<int> GenerationOfAsync(string leadId, CancellationToken cancellationToken = default);

    /// <summary>The lead's signals in occurred-at order.</summary>
    Task<IReadOnlyList<Signals.Signal>> ReadLeadSignalsAsync(string leadId, CancellationToken cancellationToken = default);

    /// <summary>The signals of the campaign's leads in occurred-at order.</summary>
    Task<IReadOnlyList<Signals.Signal>> ReadCampaignSignalsAsync(string campaignKey, CancellationToken cancellationToken = default);

    /// <summary>The campaign's name and unique-lead counts per stage, or null when no event named it.</summary>
    Task<CampaignFunnel?> ReadCampaignAsync(string campaignKey, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
