using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>
/// Each lead of a result goes by every identifier its events carry: a normalizer that drops one would later leave
/// the person split in two leads, and the fixture tests would not notice from the key the events arrived under.
/// </summary>
internal static class AliasChecks
{
    public static void AssertEveryIdentifierIsAnAlias(NormalizationResult result)
    {
        foreach (var lead in result.Leads)
        {
            Assert.True(AreWellFormed(lead), $"aliases empty or repeated: {string.Join(", ", lead.Aliases)}");
            foreach (var e in lead.Events)
            {
                foreach (var alias in IdentityAliases(e.Lead)) Assert.Contains(alias, lead.Aliases);
                // The scope is the provider's business; that the id is there at all is what matters here.
                if (e.Lead.ProviderLeadId is { } id)
                    Assert.Contains(lead.Aliases, alias => alias.EndsWith(":" + id, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>At least one alias, none twice: what any accepted result must hold, however broken the body.</summary>
    public static bool AreWellFormed(LeadEvents lead) =>
        lead.Aliases.Count > 0 && lead.Aliases.Distinct(StringComparer.Ordinal).Count() == lead.Aliases.Count;

    private static IEnumerable<string> IdentityAliases(LeadIdentity lead)
    {
        if (lead.Email is { } email) yield return LeadKey.EmailPrefix + email;
        if (lead.LinkedInPublicId is { } linkedIn) yield return LeadKey.LinkedInPrefix + linkedIn;
        if (lead.Phone is { } phone) yield return LeadKey.PhonePrefix + phone;
    }
}
