namespace Conversations.Ingestion.SalesIq;

/// <summary>The SalesIQ workflow events this service records.</summary>
internal enum SalesIqEventType
{
    ConversationCreated,
    VisitorReplied,
    OperatorReplied,
    Attended,
    Missed,
    Completed,
    Rated,
    VisitorUpdated,
}
