using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;

namespace Conversations.Storage.Merges;

/// <summary>
/// One store transaction of a merge or unmerge (<see cref="LeadMerges"/>): the steps each store carries out in its
/// own SQL. Disposing it without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
internal interface ILeadMergeSession : IAsyncDisposable
{
    /// <summary>The lineage rows of those leads that have one.</summary>
    Task<Dictionary<string, LeadLineage>> LineageAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken);

    /// <summary>Waits for the appends to these leads in flight and keeps new ones out until the transaction ends.</summary>
    Task LockAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken);

    /// <summary>Per lead that has events, the position of its first (the lowest).</summary>
    Task<Dictionary<string, long>> FirstPositionsAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken);

    /// <summary>How many aliases these leads hold together.</summary>
    Task<int> CountAliasesAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken);

    /// <summary>Whether an operator undid a merge between two of these leads.</summary>
    Task<bool> AnyUnmergedPairAsync(IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the absorbed lead's aliases, rows and funnel marks (collapsed) to the survivor, records what moved under
    /// <paramref name="mergeId"/>, and marks the absorbed lead merged; both leads' generations go up.
    /// </summary>
    /// <returns>The aliases moved, and how many rows.</returns>
    Task<(IReadOnlyList<string> Aliases, int Rows)> MoveAsync(
        string mergeId, string absorbedId, string survivorId, string? byEventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The merges into the lead that stand (not undone), newest first.</summary>
    Task<IReadOnlyList<(string MergeId, string AbsorbedId)>> StandingMergesAsync(string survivorId, CancellationToken cancellationToken);

    /// <summary>
    /// Undoes one merge: the aliases it moved, and the rows it moved or that arrived since under those aliases, go
    /// back to the absorbed lead, which stands on its own again; both generations go up; the merge is marked undone.
    /// Then the survivor's signals whose evidence events are all rows of the absorbed lead go back to it; those with
    /// evidence on both leads, or resting on events that no longer exist, stay with the survivor.
    /// </summary>
    /// <returns>The aliases the absorbed lead holds again.</returns>
    Task<IReadOnlyList<string>> ReturnAsync(string mergeId, string survivorId, string absorbedId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The lead's events in occurred-at order.</summary>
    Task<IReadOnlyList<ConversationEvent>> EventsOfAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>Replaces the lead's funnel marks.</summary>
    Task ReplaceFunnelMarksAsync(string leadId, IReadOnlyList<FunnelMark> marks, CancellationToken cancellationToken);

    /// <summary>Writes an entry of this service's own into the lead's timeline (once: its id decides).</summary>
    Task AppendMarkerAsync(string leadId, ConversationEvent marker, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
