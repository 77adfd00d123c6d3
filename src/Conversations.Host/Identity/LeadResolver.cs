using Conversations.Abstractions.Leads;

namespace Conversations.Host.Identity;

/// <summary>
/// Aliases in, lead out: the one place on the ingest path that decides which lead a person's events belong to. The
/// directory (<see cref="ILeadDirectory"/>) is the authority; the cache in front of it answers repeat visitors without
/// a read. No alias known: a new lead that claims them all. One lead known: the new aliases join it. Two or more
/// leads: the lead of the first alias (email, LinkedIn, phone, provider id) takes the events, and no alias moves
/// between leads (merging them is the next step of identity). Claims commit with the events; when a claim loses to
/// a concurrent delivery, the appender forgets the route and resolves again.
/// </summary>
public sealed partial class LeadResolver(
    ILeadDirectory directory, AliasGuardRails guardRails, LeadAliasCache cache, IdentityMetrics metrics, ILogger<LeadResolver> logger)
{
    /// <param name="aliases">Every alias the events carry, in normalization's order (the first is the one they arrived under).</param>
    /// <param name="cancellationToken">Cancels the directory read.</param>
    public async Task<LeadRoute> ResolveAsync(IReadOnlyList<string> aliases, CancellationToken cancellationToken = default)
    {
        var candidates = Candidates(aliases);
        // Only placeholders: the events are kept, under a lead of their own that no alias reaches.
        if (candidates.Count == 0) return new LeadRoute(LeadId.New(), aliases[0], []);

        List<string>? unknown = null;
        foreach (var alias in candidates)
        {
            if (!cache.TryGet(alias, out _)) (unknown ??= []).Add(alias);
        }
        if (unknown is not null)
        {
            foreach (var (alias, leadId) in await directory.FindAsync(unknown, cancellationToken)) cache.Confirm(alias, leadId);
        }

        var chosen = FirstKnownLead(candidates) ?? cache.Propose(candidates[0], LeadId.New()).LeadId;
        List<string>? claims = null;
        List<string>? others = null;
        foreach (var alias in candidates)
        {
            var entry = cache.TryGet(alias, out var known) ? known : cache.Propose(alias, chosen);
            if (entry.LeadId != chosen) (others ??= []).Add(entry.LeadId);
            else if (!entry.Confirmed) (claims ??= []).Add(alias);
        }
        if (others is not null)
        {
            metrics.Conflict();
            LogConflict(logger, chosen, string.Join(", ", others.Distinct()));
        }
        return new LeadRoute(chosen, candidates[0], (IReadOnlyList<string>?)claims ?? []);
    }

    /// <summary>The route's claims committed: the directory holds them now.</summary>
    public void Confirm(LeadRoute route)
    {
        foreach (var alias in route.Claims) cache.Confirm(alias, route.LeadId);
    }

    /// <summary>A claim of the route lost: what this silo proposed for its aliases was wrong.</summary>
    public void Forget(LeadRoute route)
    {
        metrics.LostClaim();
        foreach (var alias in route.Claims) cache.Forget(alias, route.LeadId);
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

    private string? FirstKnownLead(IReadOnlyList<string> candidates)
    {
        foreach (var alias in candidates)
        {
            if (cache.TryGet(alias, out var entry)) return entry.LeadId;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An event names aliases of lead {LeadId} and of other leads ({OtherLeadIds}): it is appended to the first, and no alias moves between them")]
    private static partial void LogConflict(ILogger logger, string leadId, string otherLeadIds);
}
