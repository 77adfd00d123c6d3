using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;

namespace Conversations.Abstractions.Leads;

/// <summary>
/// Makes leads that turn out to be one person one lead, and undoes that. Each is one store transaction: aliases,
/// timeline rows and funnel marks move together, with a record of what moved, and the timelines say what happened.
/// </summary>
/// <remarks>
/// Appends and merges exclude each other per lead, so an append routed to a lead that a merge absorbs commits before
/// the merge (and moves with it) or finds the lead absorbed and writes nothing (<see cref="AppendOutcome.Misrouted"/>).
/// </remarks>
public interface ILeadMerges
{
    /// <summary>
    /// Merges the leads (or, for leads merged already, the leads that absorbed them) into the oldest of them, the one
    /// whose first event was stored first; the others' ids keep resolving to it (<see cref="SurvivorOfAsync"/>).
    /// </summary>
    Task<LeadMerge> MergeAsync(MergeRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Splits the lead back into the leads that were merged into it, each with the aliases and events it brought and
    /// those that arrived since under its aliases; funnel marks are counted again for each from its events. Null
    /// when no merge into the lead stands.
    /// </summary>
    /// <param name="leadId">The survivor, or any lead merged into it.</param>
    /// <param name="funnelMarksOf">The funnel marks a lead's events (in occurred-at order) reach.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    Task<LeadUnmerge?> UnmergeAsync(
        string leadId, Func<IReadOnlyList<ConversationEvent>, IReadOnlyList<FunnelMark>> funnelMarksOf, CancellationToken cancellationToken = default);

    /// <summary>The lead the id now stands for: itself, or, for an absorbed lead, the lead that absorbed it (followed to the end).</summary>
    Task<string> SurvivorOfAsync(string leadId, CancellationToken cancellationToken = default);
}

/// <param name="LeadIds">Two or more leads one event named.</param>
/// <param name="ByEventId">The event that named them, recorded with the merge.</param>
/// <param name="MaxAliases">More aliases than this on the merged lead is implausible for one person: the merge is refused.</param>
public sealed record MergeRequest(IReadOnlyList<string> LeadIds, string? ByEventId, int MaxAliases);

/// <param name="SurvivorId">The lead that holds everything now (or, when refused, the one that would have).</param>
/// <param name="AbsorbedIds">The leads merged into it by this call; empty when they were one lead already, or when refused.</param>
/// <param name="MovedAliases">The aliases that moved to the survivor.</param>
/// <param name="Refusal">Why nothing moved, when the merge was refused (the would-be survivor's timeline says so too); null otherwise.</param>
public sealed record LeadMerge(string SurvivorId, IReadOnlyList<string> AbsorbedIds, IReadOnlyList<string> MovedAliases, MergeRefusal? Refusal = null)
{
    public bool Refused => Refusal is not null;
}

/// <summary>Why leads one event named were not merged.</summary>
public enum MergeRefusal
{
    /// <summary>Together they would hold more aliases than one person plausibly has (<see cref="MergeRequest.MaxAliases"/>).</summary>
    TooManyAliases,

    /// <summary>An operator split two of them before: they stay apart until merged by hand.</summary>
    UnmergedBefore,
}

/// <param name="SurvivorId">The lead that was split.</param>
/// <param name="Restored">The leads it was split into besides itself, each with the aliases it holds again.</param>
public sealed record LeadUnmerge(string SurvivorId, IReadOnlyList<RestoredLead> Restored);

public sealed record RestoredLead(string LeadId, IReadOnlyList<string> Aliases);
