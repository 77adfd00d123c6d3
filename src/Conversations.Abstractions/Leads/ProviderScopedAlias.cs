namespace Conversations.Abstractions.Leads;

/// <summary>
/// The alias a provider's own id gives a lead: the provider's scope and the id (<c>salesforge:contact:42</c>). One
/// rule serves ids read from payloads (<see cref="LeadAliases"/>) and keys typed into the query API
/// (<see cref="LeadKey.Parse"/>), so that every alias the service issues can be looked up and nothing else can.
/// </summary>
internal static class ProviderScopedAlias
{
    /// <summary>Provider ids are UUIDs or numbers; a longer one is not taken as an alias.</summary>
    private const int MaxIdLength = 256;

    /// <summary>
    /// <paramref name="scope"/> followed by the trimmed <paramref name="id"/>, kept in its case (provider ids are
    /// case-sensitive), or null when the id cannot tell people apart: empty, too long, with spaces or control
    /// characters, or a placeholder such as <c>null</c> (taken as an id, it would make one lead of everyone the
    /// provider sent without one).
    /// </summary>
    public static string? Of(string scope, string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxIdLength) return null;
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return null;
        }
        var own = scope == LeadKey.GenericLeadPrefix ? SendersId(trimmed) : trimmed;
        return own is null || IdentityNormalizer.IsPlaceholder(own) ? null : scope + trimmed;
    }

    /// <summary>
    /// A generic lead id is <c>&lt;source&gt;:&lt;id&gt;</c> (several senders share the scope): the sender's own
    /// id, or null when the source is missing. The placeholder rule applies to this part; a source is never one.
    /// </summary>
    private static string? SendersId(string sourceAndId)
    {
        var separator = sourceAndId.IndexOf(':');
        return separator > 0 ? sourceAndId[(separator + 1)..] : null;
    }
}
