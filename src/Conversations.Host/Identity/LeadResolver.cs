using Conversations.Abstractions.Leads;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Identity;

/// <summary>
/// Aliases in, lead out: the one place on the ingest path that decides which lead a person's events belong to. The
/// directory (<see cref="ILeadDirectory"/>) is the authority; the cache in front of it answers repeat visitors without
/// a read. No alias known: a new lead that claims them all. One lead known: the new aliases join it. Two or more
/// leads: they are one person, and are merged (<see cref="ILeadMerges"/>) into the oldest, which takes the events;
/// unless the merged lead would hold implausibly many aliases or an operator split them before, and then the lead of
/// the first alias (email, LinkedIn, phone, provider id) takes them and no alias moves. Claims commit with the events; when a route turns out to be out
/// of date (a claim lost to a concurrent delivery, a lead merged meanwhile), the appender forgets it and resolves again.
/// </summary>
public sealed partial class LeadResolver(
    ILeadDirectory directory, ILeadMerges merges, AliasGuardRails guardRails, LeadAliasCache cache, IdentityMetrics metrics,
    IOptions<IdentityOptions> options, ILogger<LeadResolver> logger)
{
    private readonly int _maxAliasesPerLead = options.Value.MaxAliasesPerLead;

    /// <param name="aliases">Every alias the events carry, in normalization's order (the first is the one they arrived under).</param>
    /// <param name="eventId">The first of the events, recorded with a merge they cause.</param>
    /// <param name="cancellationToken">Cancels the directory's reads and a merge.</param>
    public async Task<LeadRoute> ResolveAsync(IReadOnlyList<string> aliases, string? eventId = null, CancellationToken cancellationToken = default)
    {
        var candidates = Candidates(aliases);
        // Only placeholders: the events are kept, under a lead of their own that no alias reaches.
        if (candidates.Count == 0) return new LeadRoute(LeadId.New(), aliases[0], [], [], IsNew: true);

        List<string>? unknown = null;
        foreach (var alias in candidates)
        {
            if (!cache.TryGet(alias, out _)) (unknown ??= []).Add(alias);
        }
        if (unknown is not null)
        {
            foreach (var (alias, leadId) in await directory.FindAsync(unknown, cancellationToken)) cache.Confirm(alias, leadId);
        }

        var first = KnownLeads(candidates, out var several);
        var chosen = several is not null ? await MergeAsync(candidates, several, eventId, cancellationToken)
            : first ?? cache.Propose(candidates[0], LeadId.New()).LeadId;
        List<string>? claims = null;
        foreach (var alias in candidates)
        {
            var entry = cache.TryGet(alias, out var held) ? held : cache.Propose(alias, chosen);
            // Proposed for another lead by a delivery still in flight: claim it too, and the directory decides.
            if (!entry.Confirmed) (claims ??= []).Add(alias);
        }
        return new LeadRoute(chosen, candidates[0], (IReadOnlyList<string>?)claims ?? [], candidates, IsNew: first is null);
    }

    /// <summary>The route's claims committed: the directory holds them now.</summary>
    public void Confirm(LeadRoute route)
    {
        foreach (var alias in route.Claims) cache.Confirm(alias, route.LeadId);
    }

    /// <summary>The route was out of date: what this silo knew of its aliases was wrong, or its lead was merged.</summary>
    public void Forget(LeadRoute route)
    {
        metrics.LostClaim();
        foreach (var alias in route.Aliases) cache.Forget(alias, route.LeadId);
    }

    /// <summary>Merges the leads; returns the lead the events go to.</summary>
    private async Task<string> MergeAsync(IReadOnlyList<string> candidates, List<string> leads, string? eventId, CancellationToken cancellationToken)
    {
        var merge = await merges.MergeAsync(new MergeRequest(leads, eventId, _maxAliasesPerLead), cancellationToken);
        if (merge.Refused)
        {
            metrics.MergeRefused();
            LogMergeRefused(logger, string.Join(", ", leads), merge.Refusal);
            return leads[0];
        }
        if (merge.AbsorbedIds.Count > 0)
        {
            metrics.Merged(merge.AbsorbedIds.Count);
            LogMerged(logger, string.Join(", ", merge.AbsorbedIds), merge.SurvivorId, merge.MovedAliases.Count);
        }
        // Every alias of a lead that was merged (now, or earlier by another silo) belongs to the survivor.
        foreach (var alias in merge.MovedAliases) cache.Confirm(alias, merge.SurvivorId);
        foreach (var alias in candidates)
        {
            if (cache.TryGet(alias, out var entry) && entry.Confirmed && leads.Contains(entry.LeadId)) cache.Confirm(alias, merge.SurvivorId);
        }
        return merge.SurvivorId;
    }

    /// <summary>The aliases that may link; else the first shared one alone (a shared inbox is a lead of its own); else none.</summary>
    private IReadOnlyList<string> Candidates(IReadOnlyList<string> aliases)
    {
        if (aliases.All(alias => guardRails.UseOf(alias) == AliasUse.Links)) return aliases;
        var linking = new List<string>(aliases.Count);
        string? alone = null;
        foreach (var alias in aliases)
        {
            switch (guardRails.UseOf(alias))
            {
                case AliasUse.Links: linking.Add(alias); break;
                case AliasUse.Alone: alone ??= alias; break;
            }
        }
        if (linking.Count == 0 && alone is not null) linking.Add(alone);
        return linking;
    }

    /// <summary>
    /// The first lead the directory links a candidate to (null when none) and, when they name more than one, all of
    /// them in the candidates' order (allocated only then).
    /// </summary>
    private string? KnownLeads(IReadOnlyList<string> candidates, out List<string>? several)
    {
        string? first = null;
        several = null;
        foreach (var alias in candidates)
        {
            if (!cache.TryGet(alias, out var entry) || !entry.Confirmed) continue;
            if (first is null) first = entry.LeadId;
            else if (entry.LeadId != first && !(several?.Contains(entry.LeadId) ?? false)) (several ??= [first]).Add(entry.LeadId);
        }
        return first;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged lead(s) {AbsorbedLeadIds} into lead {SurvivorId}: {Aliases} alias(es) moved")]
    private static partial void LogMerged(ILogger logger, string absorbedLeadIds, string survivorId, int aliases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event names leads {LeadIds}, which were not merged ({Refusal}): it is appended to the first, and no alias moves between them")]
    private static partial void LogMergeRefused(ILogger logger, string leadIds, MergeRefusal? refusal);
}
