using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>Reads the lead: a conversation's <c>visitor</c> block, or the entity of <c>visitor.updated</c>.</summary>
internal static class SalesIqVisitor
{
    /// <summary>Where a conversation event's identifiers were looked for, for rejections.</summary>
    public const string ConversationIdentityFields = "entity.visitor.email_id, entity.visitor.phone, entity.visitor.id";

    /// <summary>Where a visitor event's identifiers were looked for, for rejections.</summary>
    public const string VisitorIdentityFields = "entity.email_id, entity.phone, entity.lead.id, entity.id";

    public static LeadIdentity FromConversation(PayloadObject? visitor)
    {
        if (visitor is not { } v) return new LeadIdentity();
        var (first, last) = PersonName.Split(v.Trimmed("name"));
        return new LeadIdentity
        {
            Email = IdentityNormalizer.Email(v.String("email_id")),
            Phone = IdentityNormalizer.Phone(v.String("phone")),
            FirstName = first,
            LastName = last,
            ProviderLeadId = v.Id("id"),
        };
    }

    // A contact's own id differs from the id of the lead it grew from; conversations name the visitor by the
    // lead's id, so that one is preferred to keep one provider id per person.
    public static LeadIdentity FromVisitor(PayloadObject visitor) => new()
    {
        Email = IdentityNormalizer.Email(visitor.String("email_id")),
        Phone = IdentityNormalizer.Phone(visitor.String("phone")),
        FirstName = visitor.Trimmed("first_name"),
        LastName = visitor.Trimmed("last_name"),
        ProviderLeadId = visitor.Object("lead")?.Id("id") ?? visitor.Id("id"),
    };
}
