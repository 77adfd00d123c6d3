using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Reads a lead object, whose fields follow the payload of Breakcold's document (<c>email</c>, <c>linkedin_url</c>,
/// <c>phone</c>, ...); a field of the wrong type is rejected as in every other provider.
/// </summary>
internal static class BreakcoldLead
{
    public static LeadIdentity Read(PayloadObject? lead, PayloadObject payload) => new()
    {
        Email = IdentityNormalizer.Email(lead?.String("email")),
        LinkedInPublicId = IdentityNormalizer.LinkedInPublicId(lead?.String("linkedin_url")),
        Phone = IdentityNormalizer.Phone(lead?.String("phone")),
        FirstName = lead?.Trimmed("first_name"),
        LastName = lead?.Trimmed("last_name"),
        Company = lead?.Trimmed("company"),
        ProviderLeadId = lead?.Id("id") ?? UndocumentedField.Id(payload, "id_lead"),
    };

    /// <summary>Where the identifiers were looked for, for rejections.</summary>
    public static string IdentityFields(PayloadObject? lead, PayloadObject payload) => lead is { } l
        ? $"{l.PathOf("email")}, {l.PathOf("linkedin_url")}, {l.PathOf("phone")}, {l.PathOf("id")}"
        : $"{payload.PathOf("lead")} (absent), {payload.PathOf("id_lead")}";
}
