namespace Conversations.Abstractions.Leads;

/// <summary>
/// Lead keys, the aliases a lead is known by: <c>email:&lt;address&gt;</c>, <c>linkedin:&lt;public id&gt;</c>,
/// <c>phone:&lt;E.164&gt;</c>, and a provider's own id in that provider's scope (<c>salesforge:contact:&lt;id&gt;</c>,
/// ...). Identifiers are normalized first (<see cref="IdentityNormalizer"/>), so every spelling of one identity is
/// one key. <see cref="LeadAliases"/> gives all the keys of an event's lead.
/// </summary>
public static class LeadKey
{
    public const string EmailPrefix = "email:";
    public const string LinkedInPrefix = "linkedin:";
    public const string PhonePrefix = "phone:";

    /// <summary>A Salesforge contact by Salesforge's id.</summary>
    public const string SalesforgeContactPrefix = "salesforge:contact:";

    /// <summary>A Seleqt lead by Seleqt's id.</summary>
    public const string SeleqtLeadPrefix = "seleqt:lead:";

    /// <summary>A Zoho SalesIQ visitor by SalesIQ's id (the lead's id where SalesIQ gives both).</summary>
    public const string SalesIqVisitorPrefix = "salesiq:visitor:";

    /// <summary>A Breakcold lead by Breakcold's id.</summary>
    public const string BreakcoldLeadPrefix = "breakcold:lead:";

    /// <summary>A chat inbox's customer by the inbox's id.</summary>
    public const string ChatCustomerPrefix = "chat:customer:";

    /// <summary>
    /// A lead of the generic format by its sender's id, which is already scoped by the sending platform
    /// (<c>generic:&lt;source&gt;:&lt;id&gt;</c>): every sender shares this one scope.
    /// </summary>
    public const string GenericLeadPrefix = "generic:";

    /// <summary>Every provider scope; none is a prefix of another, nor of the identity prefixes above.</summary>
    internal static readonly string[] ProviderScopes =
    [
        SalesforgeContactPrefix, SeleqtLeadPrefix, SalesIqVisitorPrefix, BreakcoldLeadPrefix, ChatCustomerPrefix, GenericLeadPrefix,
    ];

    /// <summary>The key for already-normalized identifiers (email, else LinkedIn, else phone), or null when there is none.</summary>
    public static string? From(string? email, string? linkedInPublicId, string? phone) =>
        email is { Length: > 0 } ? EmailPrefix + email
        : linkedInPublicId is { Length: > 0 } ? LinkedInPrefix + linkedInPublicId
        : phone is { Length: > 0 } ? PhonePrefix + phone
        : null;

    public static string? From(Events.LeadIdentity identity) =>
        From(identity.Email, identity.LinkedInPublicId, identity.Phone);

    /// <summary>
    /// Normalizes a key typed by a person (<c>email:Bill@Example.com</c>) to the key the service issues, or returns
    /// null when it is not such a key. A provider's scope is matched in any case, its id exactly.
    /// </summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        foreach (var scope in ProviderScopes)
        {
            // Provider ids are case-sensitive: only the scope is matched without regard to case.
            if (trimmed.StartsWith(scope, StringComparison.OrdinalIgnoreCase)) return ProviderScopedAlias.Of(scope, trimmed[scope.Length..]);
        }
        var separator = trimmed.IndexOf(':');
        if (separator <= 0) return null;
        var value = trimmed[(separator + 1)..];
        return trimmed[..separator].TrimEnd().ToLowerInvariant() switch
        {
            "email" => From(IdentityNormalizer.Email(value), null, null),
            "linkedin" => From(null, IdentityNormalizer.LinkedInPublicId(value), null),
            "phone" => From(null, null, IdentityNormalizer.Phone(value)),
            _ => null,
        };
    }
}
