using Conversations.Abstractions.Events;

namespace Conversations.Abstractions.Leads;

/// <summary>
/// Every alias one event's lead goes by: each identifier the event carries is a way to recognise the person later,
/// so none is dropped in favour of another. Which lead the aliases belong to is decided by the lead directory.
/// </summary>
public static class LeadAliases
{
    /// <summary>
    /// <c>email:</c>, <c>linkedin:</c>, <c>phone:</c> and the provider's own id scoped by <paramref name="providerScope"/>
    /// (one of <see cref="LeadKey"/>'s provider scopes), in that order, for those <paramref name="identity"/> has in a
    /// usable form; empty when it has none. The first is the key <see cref="LeadKey.From(LeadIdentity)"/> gives
    /// whenever there is one, so events keep arriving under the alias they always did. Every alias has its own
    /// prefix, so none repeats.
    /// </summary>
    /// <param name="identity">Identifiers already normalized by the provider's reader (<see cref="IdentityNormalizer"/>).</param>
    /// <param name="providerScope">The scope of the provider's ids, such as <see cref="LeadKey.SalesforgeContactPrefix"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="providerScope"/> is not a provider scope: an alias under an
    /// unknown scope could not be looked up (<see cref="LeadKey.Parse"/>).</exception>
    public static IReadOnlyList<string> Of(LeadIdentity identity, string providerScope)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!LeadKey.ProviderScopes.Contains(providerScope, StringComparer.Ordinal))
            throw new ArgumentException($"'{providerScope}' is not one of LeadKey's provider scopes.", nameof(providerScope));

        string?[] candidates =
        [
            LeadKey.From(identity.Email, null, null),
            LeadKey.From(null, identity.LinkedInPublicId, null),
            LeadKey.From(null, null, identity.Phone),
            ProviderScopedAlias.Of(providerScope, identity.ProviderLeadId),
        ];
        return candidates.OfType<string>().ToArray();
    }
}
