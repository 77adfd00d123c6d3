namespace Conversations.Abstractions.Outbox;

/// <summary>
/// The stream outbox of a store: every transaction that stores new events or signals records them in it, and they stay
/// there until a relay acknowledges that it published them. What this process commits is also handed over at once
/// (<see cref="OutboxFeed"/>); what was never acknowledged is claimed again once overdue.
/// </summary>
public interface IStreamOutbox
{
    /// <summary>The entries this process committed, in commit order; an entry the feed had no room for is left to <see cref="ClaimOverdueAsync"/>.</summary>
    OutboxFeed Feed { get; }

    /// <summary>Deletes published entries: they are not claimed again.</summary>
    Task AcknowledgeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> entries past their time (committed and not acknowledged within
    /// <see cref="OutboxOptions.RetryAfter"/>, or claimed before and not acknowledged within the lease), read back
    /// from the tables. Each is leased for <paramref name="lease"/>: no other claim takes it before the lease runs out.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimOverdueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken = default);
}
