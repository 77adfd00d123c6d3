namespace Conversations.Abstractions.Leads;

/// <summary>
/// The key of a <c>LeadGrain</c>: <c>email:&lt;address&gt;</c> when the lead has an email, else
/// <c>linkedin:&lt;public id&gt;</c>, else <c>phone:&lt;E.164&gt;</c>. Identifiers are normalized first
/// (<see cref="IdentityNormalizer"/>), so every spelling of one identity maps to one grain.
/// </summary>
public static class LeadKey
{
    public const string EmailPrefix = "email:";
    public const string LinkedInPrefix = "linkedin:";
    public const string PhonePrefix = "phone:";

    /// <summary>The key for already-normalized identifiers, or null when there is none to key by.</summary>
    public static string? From(string? email, string? linkedInPublicId, string? phone) =>
        email is { Length: > 0 } ? EmailPrefix + email
        : linkedInPublicId is { Length: > 0 } ? LinkedInPrefix + linkedInPublicId
        : phone is { Length: > 0 } ? PhonePrefix + phone
        : null;

    public static string? From(Events.LeadIdentity identity) =>
        From(identity.Email, identity.LinkedInPublicId, identity.Phone);

    /// <summary>
    /// Normalizes a key typed by a person (<c>email:Bill@Example.com</c>) to the grain key, or returns null
    /// when it is not a key this service issues.
    /// </summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var separator = text.IndexOf(':');
        if (separator <= 0) return null;
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
