using Conversations.Abstractions.Events;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// <c>visitor.updated</c>: a visitor's details changed, or a lead became a contact. Recorded as
/// <see cref="EventKind.LeadUpdated"/> with the visitor's type (<c>lead</c>, <c>contact</c>) as the subject:
/// SalesIQ has no creation event, and the payload does not tell a lead's conversion from a later edit.
/// The entity has no time, so receipt is used; the id covers the details recorded, so an update that changes
/// none of them (or a retry) is the same event.
/// </summary>
internal static class SalesIqVisitorUpdate
{
    public static ConversationEvent Read(SalesIqDelivery delivery)
    {
        var entity = delivery.Entity;
        var visitor = delivery.EntityId();
        var type = entity.Trimmed("type")?.ToLowerInvariant();
        var lead = SalesIqVisitor.FromVisitor(entity);
        return delivery.Event(
            EventKind.LeadUpdated, Direction.None, delivery.ReceivedAt, lead,
            visitor, type, lead.Email, lead.Phone, lead.FirstName, lead.LastName, lead.ProviderLeadId) with
        {
            Subject = type,
        };
    }
}
