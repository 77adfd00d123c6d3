using Conversations.Abstractions.Timeline;

namespace Conversations.Storage;

/// <summary>
/// Commits a group of appends whose routes may be out of date. A route is out of date when a claim loses (another lead
/// holds the alias by the time the batch commits: a concurrent delivery, possibly on another silo, linked it first),
/// when its lead was merged into another, or when the alias it arrived under moved to another lead. Then the whole
/// transaction is rolled back and committed again without those appends, which get <see cref="AppendOutcome.Lost"/>
/// and write nothing. This is rare (a race on a brand-new person, a merge), so the common path pays nothing for it
/// but the claims' own rows and one check of the batch's leads.
/// </summary>
internal static class RouteCheckedCommit
{
    /// <param name="appends">The appends of one group commit.</param>
    /// <param name="attempt">Commits one batch, or rolls it back and names the appends (by index) that were misrouted.</param>
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
            if (result.Misrouted.Count == 0) throw new InvalidOperationException("A batch was rolled back for misrouted appends, but none was named.");
            foreach (var i in result.Misrouted) lost[live[i]] = true;
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

/// <summary>A committed batch's outcomes, or, for a batch rolled back because routes were out of date, the appends (by index) at fault.</summary>
internal sealed record BatchAttempt(IReadOnlyList<AppendOutcome>? Outcomes, IReadOnlyList<int> Misrouted)
{
    public static BatchAttempt Committed(IReadOnlyList<AppendOutcome> outcomes) => new(outcomes, []);
    public static BatchAttempt RolledBack(IEnumerable<int> misrouted) => new(null, misrouted.Distinct().ToList());
}
