namespace Conversations.Abstractions.Leads;

/// <summary>
/// The key of a <c>LeadGrain</c>: <c>email:&lt;address&gt;</c> when the lead has an email, else
/// <c>linkedin:&lt;public id&gt;</c>, else <c>phone:&lt;E.164&gt;</c>; a lead that a provider names only by its own id
/// is keyed by that id, scoped by provider (<c>salesiq:visitor:&lt;id&gt;</c>, <c>breakcold:lead:&lt;id&gt;</c>).
/// Identifiers are normalized first (<see cref="IdentityNormalizer"/>), so every spelling of one identity maps to one grain.
/// </summary>
public static class LeadKey
{
    public const string EmailPrefix = "email:";
    public const string LinkedInPrefix = "linkedin:";
    public const string PhonePrefix = "phone:";

    /// <summary>A Zoho SalesIQ visitor known by nothing but SalesIQ's id (the lead's id where SalesIQ gives both).</summary>
    public const string SalesIqVisitorPrefix = "salesiq:visitor:";

    /// <summary>A Breakcold lead known by nothing but Breakcold's id.</summary>
    public const string BreakcoldLeadPrefix = "breakcold:lead:";

    private static readonly string[] ProviderScopedPrefixes = [SalesIqVisitorPrefix, BreakcoldLeadPrefix];

    /// <summary>Provider ids are UUIDs or numbers; a longer one is not taken as a key.</summary>
    private const int MaxProviderIdLength = 256;

    /// <summary>The key for already-normalized identifiers, or null when there is none to key by.</summary>
    public static string? From(string? email, string? linkedInPublicId, string? phone) =>
        email is { Length: > 0 } ? EmailPrefix + email
        : linkedInPublicId is { Length: > 0 } ? LinkedInPrefix + linkedInPublicId
        : phone is { Length: > 0 } ? PhonePrefix + phone
        : null;

    public static string? From(Events.LeadIdentity identity) =>
        From(identity.Email, identity.LinkedInPublicId, identity.Phone);

    /// <summary>
    /// The key of <paramref name="identity"/>; when it has no email, LinkedIn profile or phone, the provider's own id
    /// scoped by <paramref name="providerScopedPrefix"/> (one of the provider-scoped prefixes above), or null when
    /// it has none either.
    /// </summary>
    public static string? From(Events.LeadIdentity identity, string providerScopedPrefix) =>
        From(identity) ?? ProviderScoped(providerScopedPrefix, identity.ProviderLeadId);

    private static string? ProviderScoped(string prefix, string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxProviderIdLength) return null;
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return null;
        }
        return prefix + trimmed;
    }

    /// <summary>
    /// Normalizes a key typed by a person (<c>email:Bill@Example.com</c>) to the grain key, or returns null
    /// when it is not a key this service issues.
    /// </summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var separator = text.IndexOf(':');
        if (separator <= 0) return null;
        var trimmed = text.TrimStart();
        foreach (var prefix in ProviderScopedPrefixes)
        {
            // Provider ids are case-sensitive: only the prefix is matched without regard to case.
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return ProviderScoped(prefix, trimmed[prefix.Length..]);
        }
        var scheme = text[..separator].Trim().ToLowerInvariant();
        var value = text[(separator + 1)..];
        return scheme switch
        {
            "email" => From(IdentityNormalizer.Email(value), null, null),
            "linkedin" => From(null, IdentityNormalizer.LinkedInPublicId(value), null),
            "phone" => From(null, null, IdentityNormalizer.Phone(value)),
            _ => null,
        };
    }
}
