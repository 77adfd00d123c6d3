using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>SalesIQ's event names (compared in lower case) and what this service does with each.</summary>
internal static class SalesIqEvents
{
    public static SalesIqEventType? Find(string name) => name.ToLowerInvariant() switch
    {
        "conversation.created" => SalesIqEventType.ConversationCreated,
        "conversation.visitor.replied" => SalesIqEventType.VisitorReplied,
        "conversation.operator.replied" => SalesIqEventType.OperatorReplied,
        "conversation.attender.updated" => SalesIqEventType.Attended,
        "conversation.missed" => SalesIqEventType.Missed,
        "conversation.completed" => SalesIqEventType.Completed,
        "conversation.rated" => SalesIqEventType.Rated,
        "visitor.updated" => SalesIqEventType.VisitorUpdated,
        _ => null,
    };

    /// <summary>Why a delivery of an event <see cref="Find"/> does not know is ignored.</summary>
    public static string IgnoredReason(string name)
    {
        var key = name.ToLowerInvariant();
        return key switch
        {
            "conversation.transfer.initiated" or "conversation.transfer.accepted" or "conversation.transfer.rejected"
                or "conversation.participants.added" or "conversation.participants.deleted" or "conversation.supervisor.added"
                => $"salesiq event '{key}' moves a chat between operators; nothing happened with the lead",
            "conversation.message.edited" or "conversation.message.deleted"
                => $"salesiq event '{key}' changes a message already recorded, and timelines are append-only",
            "conversation.metrics" => "salesiq event 'conversation.metrics' reports operator metrics, not lead activity",
            _ => $"unsupported salesiq event '{TextLimits.Quotable(name)}'",
        };
    }
}
