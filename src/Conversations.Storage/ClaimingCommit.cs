using Conversations.Abstractions.Timeline;

namespace Conversations.Storage;

/// <summary>
/// Commits a group of appends whose alias claims may not take. A claim loses when another lead holds the alias by
/// the time the batch commits (a concurrent delivery, possibly on another silo, linked it first): then the whole
/// transaction is rolled back and committed again without the appends that lost, which get
/// <see cref="AppendOutcome.Lost"/> and write nothing. Losing is rare (a race on a brand-new person), so the common
/// path pays nothing for it but the claims' own rows.
/// </summary>
internal static class ClaimingCommit
{
    /// <param name="appends">The appends of one group commit.</param>
    /// <param name="attempt">Commits one batch, or rolls it back and names the claims that did not take.</param>
    /// <param name="cancellationToken">Passed to each attempt.</param>
    public static async Task<IReadOnlyList<AppendOutcome>> RunAsync(
        IReadOnlyList<TimelineAppend> appends,
        Func<AppendBatch, CancellationToken, Task<BatchAttempt>> attempt,
        CancellationToken cancellationToken)
    {
        var lost = LostWithinTheBatch(appends);
        while (true)
        {
            var live = Enumerable.Range(0, appends.Count).Where(i => !lost[i]).ToList();
            var result = await attempt(new AppendBatch(live.ConvertAll(i => appends[i])), cancellationToken);
            if (result.Outcomes is { } outcomes)
            {
                var all = new AppendOutcome[appends.Count];
                Array.Fill(all, AppendOutcome.Lost);
                for (var i = 0; i < live.Count; i++) all[live[i]] = outcomes[i];
                return all;
            }

            var losers = live.Where(i => result.LostClaims.Any(claim =>
                claim.LeadId == appends[i].LeadId && (appends[i].Claims?.Contains(claim.Alias) ?? false))).ToList();
            if (losers.Count == 0) throw new InvalidOperationException("A claim was reported lost that no append in the batch made.");
            foreach (var i in losers) lost[i] = true;
        }
    }

    /// <summary>Two appends of one batch claiming one alias for different leads: the first keeps it, the others lose.</summary>
    private static bool[] LostWithinTheBatch(IReadOnlyList<TimelineAppend> appends)
    {
        var lost = new bool[appends.Count];
        Dictionary<string, string>? claimants = null;
        for (var i = 0; i < appends.Count; i++)
        {
            if (appends[i].Claims is not { Count: > 0 } claims) continue;
            claimants ??= new(StringComparer.Ordinal);
            var leadId = appends[i].LeadId;
            lost[i] = claims.Any(alias => claimants.TryGetValue(alias, out var claimant) && claimant != leadId);
            if (lost[i]) continue;
            foreach (var alias in claims) claimants[alias] = leadId;
        }
        return lost;
    }
}

/// <summary>A committed batch's outcomes, or, for a batch rolled back because claims did not take, those claims.</summary>
internal sealed record BatchAttempt(IReadOnlyList<AppendOutcome>? Outcomes, IReadOnlyList<AppendBatch.ClaimRow> LostClaims)
{
    public static BatchAttempt Committed(IReadOnlyList<AppendOutcome> outcomes) => new(outcomes, []);
    public static BatchAttempt RolledBack(IReadOnlyList<AppendBatch.ClaimRow> lostClaims) => new(null, lostClaims);
}
