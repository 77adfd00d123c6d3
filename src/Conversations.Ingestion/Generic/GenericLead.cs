using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Reads an event's <c>lead</c> object. The sender's lead id is scoped by the source (<c>acme-crm:123</c>): every
/// sending platform shares the provider name "generic", so a bare "123" from two platforms would read as one lead's id.
/// </summary>
internal static class GenericLead
{
    /// <summary>Where the identifiers were looked for, for rejections.</summary>
    public const string IdentityFields = "lead.email, lead.linkedin, lead.phone, lead.id";

    public static LeadIdentity Read(PayloadObject? lead, string source) => lead is { } l
        ? new LeadIdentity
        {
            Email = IdentityNormalizer.Email(l.String("email")),
            LinkedInPublicId = IdentityNormalizer.LinkedInPublicId(l.String("linkedin")),
            Phone = IdentityNormalizer.Phone(l.String("phone")),
            FirstName = l.Trimmed("firstName"),
            LastName = l.Trimmed("lastName"),
            Company = l.Trimmed("company"),
            ProviderLeadId = l.Id("id") is { } id ? $"{source}:{id}" : null,
        }
        : new LeadIdentity();
}
