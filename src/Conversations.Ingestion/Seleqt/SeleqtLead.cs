using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Seleqt;

/// <summary>Reads the lead from a delivery's <c>message.lead</c> block.</summary>
internal static class SeleqtLead
{
    /// <summary>Where the identifiers were looked for, for rejections.</summary>
    public const string IdentityFields =
        "message.lead.email, message.lead.linkedin_public_id, message.lead.linkedin_profile_url, message.lead.phone_number, message.lead.id";

    public static LeadIdentity Read(PayloadObject? lead) => lead is { } l
        ? new LeadIdentity
        {
            Email = IdentityNormalizer.Email(l.String("email")),
            LinkedInPublicId = IdentityNormalizer.LinkedInPublicId(l.String("linkedin_public_id"))
                ?? IdentityNormalizer.LinkedInPublicId(l.String("linkedin_profile_url")),
            Phone = IdentityNormalizer.Phone(l.String("phone_number")),
            FirstName = l.Trimmed("first_name"),
            LastName = l.Trimmed("last_name"),
            Company = l.Object("company")?.Trimmed("name"),
            ProviderLeadId = l.Id("id"),
        }
        : new LeadIdentity();
}
