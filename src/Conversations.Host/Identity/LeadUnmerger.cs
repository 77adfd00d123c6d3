using Conversations.Abstractions.Leads;
using Conversations.Grains.Leads;
using Conversations.Grains.Signals;

namespace Conversations.Host.Identity;

/// <summary>
/// Undoes the merges into a lead (<see cref="ILeadMerges.UnmergeAsync"/>), then brings this silo's cache and the leads'
/// grains up to date. Other silos learn it from the store: an append routed by what they cached finds the alias it
/// arrived under held by another lead and is resolved again.
/// </summary>
public sealed partial class LeadUnmerger(
    ILeadMerges merges, LeadAliasCache cache, IGrainFactory grains, SignalDetector detector, ILogger<LeadUnmerger> logger)
{
    /// <returns>What the lead was split into; null when no merge into it stands.</returns>
    public async Task<LeadUnmerge?> UnmergeAsync(string leadId, CancellationToken cancellationToken)
    {
        var unmerge = await merges.UnmergeAsync(leadId, events => FunnelMarks.For(new LeadSnapshot(), events, detector.Classifier), cancellationToken);
        if (unmerge is null) return null;
        foreach (var lead in unmerge.Restored)
        {
            foreach (var alias in lead.Aliases) cache.Confirm(alias, lead.LeadId);
        }
        // State built before the split holds the other leads' events: it is built again from the log on the next call.
        await Task.WhenAll(unmerge.Restored.Select(lead => lead.LeadId).Prepend(unmerge.SurvivorId)
            .Select(id => grains.GetGrain<ILeadGrain>(id).ReloadAsync()));
        LogUnmerged(logger, unmerge.SurvivorId, string.Join(", ", unmerge.Restored.Select(lead => lead.LeadId)));
        return unmerge;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unmerged lead {LeadId}: lead(s) {RestoredLeadIds} stand on their own again")]
    private static partial void LogUnmerged(ILogger logger, string leadId, string restoredLeadIds);
}
