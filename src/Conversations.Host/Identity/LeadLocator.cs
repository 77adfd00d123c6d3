using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Identity;

/// <summary>Finds the lead that text typed into the query API names: its id (<c>ld_…</c>) or any of its aliases.</summary>
public sealed class LeadLocator(ILeadDirectory directory, ITimelineStore timeline)
{
    /// <summary>What the text names.</summary>
    /// <param name="WellFormed">False when the text is neither a lead id nor an alias this service issues.</param>
    /// <param name="LeadId">The lead, or null when no lead has that id or alias.</param>
    public readonly record struct Located(bool WellFormed, string? LeadId);

    public async Task<Located> FindAsync(string aliasOrId, CancellationToken cancellationToken)
    {
        var text = aliasOrId.Trim();
        if (LeadId.IsWellFormed(text))
            return new(true, await timeline.ExistsAsync(text, cancellationToken) ? text : null);
        if (LeadKey.Parse(text) is not { } alias) return new(false, null);
        var found = await directory.FindAsync([alias], cancellationToken);
        return new(true, found.GetValueOrDefault(alias));
    }
}
