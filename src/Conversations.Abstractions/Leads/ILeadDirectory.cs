namespace Conversations.Abstractions.Leads;

/// <summary>
/// The durable alias directory: which lead each alias belongs to. A unique key on the alias makes it the one
/// authority across silos and restarts; aliases are linked by <see cref="Timeline.TimelineAppend.Claims"/>, in the
/// same transaction as the events that carried them.
/// </summary>
public interface ILeadDirectory
{
    /// <summary>The lead of each of <paramref name="aliases"/> that has one; aliases no lead holds are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> aliases, CancellationToken cancellationToken = default);

    /// <summary>The aliases linked to the lead, in the order they were linked; empty for an unknown lead.</summary>
    Task<IReadOnlyList<string>> AliasesOfAsync(string leadId, CancellationToken cancellationToken = default);
}
