using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Salesforge;

/// <summary>Reads the lead from a delivery's <c>contact</c> block.</summary>
internal static class SalesforgeContact
{
    /// <summary>Where the identifiers were looked for, for rejections.</summary>
    public const string IdentityFields = "contact.email, contact.linkedinUrl, contact.id";

    // sequenceEmail.toEmail is deliberately not a fallback: it is the address the email went to, which need
    // not be the contact's own.
    public static LeadIdentity Read(PayloadObject? contact) => contact is { } c
        ? new LeadIdentity
        {
            Email = IdentityNormalizer.Email(c.String("email")),
            LinkedInPublicId = IdentityNormalizer.LinkedInPublicId(c.String("linkedinUrl")),
            FirstName = c.Trimmed("firstName"),
            LastName = c.Trimmed("lastName"),
            Company = c.Trimmed("company"),
            ProviderLeadId = c.Id("id"),
        }
        : new LeadIdentity();
}
