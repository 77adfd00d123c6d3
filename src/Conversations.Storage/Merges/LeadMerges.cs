using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;

namespace Conversations.Storage.Merges;

/// <summary>
/// Merge and unmerge, the same on every store: each store supplies the transaction (<see cref="ILeadMergeSession"/>),
/// this decides what it does. A transaction that finds its leads changed by a concurrent merge once it holds their
/// locks starts again.
/// </summary>
/// <param name="begin">Starts a transaction; the flag says whether it will write (a read-only one takes no write lock).</param>
internal sealed class LeadMerges(Func<bool, CancellationToken, Task<ILeadMergeSession>> begin) : ILeadMerges
{
    private const int MaxAttempts = 5;

    // Longer chains than this are a cycle, which no merge makes: stop following rather than loop.
    private const int MaxChain = 64;

    public async Task<LeadMerge> MergeAsync(MergeRequest request, CancellationToken cancellationToken = default)
    {
        if (request.LeadIds.Count == 0) throw new ArgumentException("A merge needs at least one lead.", nameof(request));
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await begin(true, cancellationToken);
            var leads = await SurvivorsAsync(session, request.LeadIds, cancellationToken);
            if (leads.Count == 1) return new LeadMerge(leads[0], [], []);

            await session.LockAsync(leads, cancellationToken);
            if (!leads.SequenceEqual(await SurvivorsAsync(session, leads, cancellationToken)))
            {
                if (attempt == MaxAttempts) throw new InvalidOperationException($"Leads {string.Join(", ", leads)} kept changing while being merged.");
                continue;
            }

            var first = await session.FirstPositionsAsync(leads, cancellationToken);
            var survivor = leads.OrderBy(id => first.GetValueOrDefault(id, long.MaxValue)).ThenBy(id => id, StringComparer.Ordinal).First();
            var absorbed = leads.Where(id => id != survivor).ToList();
            var at = DateTimeOffset.UtcNow;

            var aliases = await session.CountAliasesAsync(leads, cancellationToken);
            MergeRefusal? refusal = await session.AnyUnmergedPairAsync(leads, cancellationToken) ? MergeRefusal.UnmergedBefore
                : aliases > request.MaxAliases ? MergeRefusal.TooManyAliases
                : null;
            if (refusal is { } reason)
            {
                await session.AppendMarkerAsync(survivor, LeadMarkers.MergeRefused(leads, reason, aliases, request.MaxAliases, at), cancellationToken);
                await session.CommitAsync(cancellationToken);
                return new LeadMerge(survivor, [], [], reason);
            }

            var moved = new List<string>();
            foreach (var lead in absorbed)
            {
                var mergeId = NewMergeId();
                var (movedAliases, rows) = await session.MoveAsync(mergeId, lead, survivor, request.ByEventId, at, cancellationToken);
                moved.AddRange(movedAliases);
                await session.AppendMarkerAsync(survivor, LeadMarkers.Merged(mergeId, lead, movedAliases.Count, rows, at), cancellationToken);
            }
            await session.CommitAsync(cancellationToken);
            return new LeadMerge(survivor, absorbed, moved);
        }
    }

    public async Task<LeadUnmerge?> UnmergeAsync(
        string leadId, Func<IReadOnlyList<ConversationEvent>, IReadOnlyList<FunnelMark>> funnelMarksOf, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await begin(true, cancellationToken);
            var survivor = (await SurvivorsAsync(session, [leadId], cancellationToken))[0];
            var merges = await session.StandingMergesAsync(survivor, cancellationToken);
            if (merges.Count == 0) return null;

            var leads = merges.Select(m => m.AbsorbedId).Prepend(survivor).ToList();
            await session.LockAsync(leads, cancellationToken);
            if ((await SurvivorsAsync(session, [survivor], cancellationToken))[0] != survivor
                || !merges.SequenceEqual(await session.StandingMergesAsync(survivor, cancellationToken)))
            {
                if (attempt == MaxAttempts) throw new InvalidOperationException($"Lead {survivor} kept changing while being unmerged.");
                continue;
            }

            var at = DateTimeOffset.UtcNow;
            var restored = new List<RestoredLead>();
            foreach (var (mergeId, absorbedId) in merges)
            {
                var aliases = await session.ReturnAsync(mergeId, survivor, absorbedId, at, cancellationToken);
                restored.Add(new RestoredLead(absorbedId, aliases));
                await session.AppendMarkerAsync(survivor, LeadMarkers.Unmerged(mergeId, survivor, absorbedId, survivor: true, at), cancellationToken);
                await session.AppendMarkerAsync(absorbedId, LeadMarkers.Unmerged(mergeId, absorbedId, survivor, survivor: false, at), cancellationToken);
            }
            foreach (var lead in leads)
                await session.ReplaceFunnelMarksAsync(lead, funnelMarksOf(await session.EventsOfAsync(lead, cancellationToken)), cancellationToken);
            await session.CommitAsync(cancellationToken);
            return new LeadUnmerge(survivor, restored);
        }
    }

    public async Task<string> SurvivorOfAsync(string leadId, CancellationToken cancellationToken = default)
    {
        await using var session = await begin(false, cancellationToken);
        return (await SurvivorsAsync(session, [leadId], cancellationToken))[0];
    }

    /// <summary>Each lead's survivor (itself when it was never merged), followed to the end; each once, in ordinal order.</summary>
    private static async Task<List<string>> SurvivorsAsync(ILeadMergeSession session, IReadOnlyCollection<string> leadIds, CancellationToken cancellationToken)
    {
        var current = leadIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var step = 0; step < MaxChain; step++)
        {
            var lineage = await session.LineageAsync(current, cancellationToken);
            var next = current.Select(id => lineage.TryGetValue(id, out var row) && row.MergedInto is { } into ? into : id)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (next.SequenceEqual(current)) return next;
            current = next;
        }
        throw new InvalidOperationException($"The merges of leads {string.Join(", ", leadIds)} form a cycle.");
    }

    private static string NewMergeId() => "mg_" + Guid.NewGuid().ToString("N");
}
