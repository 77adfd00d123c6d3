using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Identity;

/// <summary>
/// Finds the lead that text typed into the query API names: its id (<c>ld_…</c>), the id of a lead merged into it, or
/// any of its aliases.
/// </summary>
public sealed class LeadLocator(ILeadDirectory directory, ILeadMerges merges, ITimelineStore timeline)
{
    /// <summary>What the text names.</summary>
    /// <param name="WellFormed">False when the text is neither a lead id nor an alias this service issues.</param>
    /// <param name="LeadId">The lead, or null when no lead has that id or alias.</param>
    public readonly record struct Located(bool WellFormed, string? LeadId);

    public async Task<Located> FindAsync(string aliasOrId, CancellationToken cancellationToken)
    {
        var text = aliasOrId.Trim();
        if (LeadId.IsWellFormed(text))
        {
            // The id of a lead merged into another stands for that one.
            var survivor = await merges.SurvivorOfAsync(text, cancellationToken);
            return new(true, await timeline.ExistsAsync(survivor, cancellationToken) ? survivor : null);
        }
        if (LeadKey.Parse(text) is not { } alias) return new(false, null);
        var found = await directory.FindAsync([alias], cancellationToken);
        return new(true, found.GetValueOrDefault(alias));
    }
}
