using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Chat;

/// <summary>
/// The conversation's status as a <see cref="Conversations.Abstractions.Events.EventKind.StatusUpdated"/> event.
/// Every delivery repeats the current status, so the event is keyed by the conversation and the status alone:
/// the first message seen with a status records it, later ones map to the same id. The price is that a status
/// the conversation returns to (open, closed, open again) is not recorded twice. <c>in-queue</c>, the status
/// every conversation starts in, is not recorded.
/// </summary>
internal static class ChatStatus
{
    private const string Initial = "in-queue";

    /// <summary>The status in lower case, or null when there is none to record.</summary>
    public static string? Read(PayloadObject conversation) =>
        conversation.Trimmed("status")?.ToLowerInvariant() is { } status && status != Initial ? status : null;
}
