using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// Normalizes Zoho SalesIQ workflow webhooks (<c>/webhooks/salesiq</c>): one event per delivery, on the chat
/// channel. The lead is the visitor, known by email, phone and SalesIQ's own id (a visitor who left no contact
/// details is still a lead, by that id: refusing the delivery would only make SalesIQ retry it).
/// </summary>
public sealed class SalesIqNormalizer() : JsonWebhookNormalizer(Providers.SalesIq)
{
    private protected override NormalizationResult Normalize(PayloadObject root, DateTimeOffset receivedAt)
    {
        var name = root.Trimmed("event") ?? throw new InvalidPayloadException("event is missing");
        if (SalesIqEvents.Find(name) is not { } type) return NormalizationResult.Ignored(SalesIqEvents.IgnoredReason(name));

        var delivery = new SalesIqDelivery(name.ToLowerInvariant(), root, root.RequiredObject("entity"), receivedAt);
        var e = type switch
        {
            SalesIqEventType.ConversationCreated => SalesIqConversation.Created(delivery),
            SalesIqEventType.VisitorReplied => SalesIqConversation.Reply(delivery, Direction.Inbound),
            SalesIqEventType.OperatorReplied => SalesIqConversation.Reply(delivery, Direction.Outbound),
            SalesIqEventType.Attended => SalesIqConversation.Status(delivery, SalesIqStatus.Attended),
            SalesIqEventType.Missed => SalesIqConversation.Status(delivery, SalesIqStatus.Missed),
            SalesIqEventType.Completed => SalesIqConversation.Status(delivery, SalesIqStatus.Ended),
            SalesIqEventType.Rated => SalesIqRating.Read(delivery),
            SalesIqEventType.VisitorUpdated => SalesIqVisitorUpdate.Read(delivery),
            _ => throw new InvalidOperationException($"No SalesIQ reader for {type}."),
        };

        var aliases = LeadAliases.Of(e.Lead, LeadKey.SalesIqVisitorPrefix);
        if (aliases.Count > 0) return NormalizationResult.Accepted(aliases, e);
        var fields = type == SalesIqEventType.VisitorUpdated
            ? SalesIqVisitor.VisitorIdentityFields
            : SalesIqVisitor.ConversationIdentityFields;
        return NormalizationResult.Rejected(NormalizationErrorKind.NoLeadIdentity, $"no usable lead identity in {fields}");
    }
}
