using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Chat;

/// <summary>Reads the lead from <c>conversation.customer</c>.</summary>
internal static class ChatCustomer
{
    /// <summary>Where the identifiers were looked for, for rejections.</summary>
    public const string IdentityFields = "conversation.customer.email, conversation.customer.phone, conversation.customer.id";

    // conversation.Channel.phone is deliberately not a fallback: it is the inbox's own number, shared by every
    // customer who writes to it.
    public static LeadIdentity Read(PayloadObject? customer)
    {
        if (customer is not { } c) return new LeadIdentity();
        var (first, last) = PersonName.Split(c.Trimmed("name"));
        return new LeadIdentity
        {
            Email = IdentityNormalizer.Email(c.String("email")),
            Phone = IdentityNormalizer.Phone(c.String("phone")),
            FirstName = first,
            LastName = last,
            ProviderLeadId = c.Id("id"),
        };
    }
}
