using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Chat;

/// <summary>What must hold for any chat result, however broken the body.</summary>
internal static class ChatResultChecks
{
    /// <summary>A chat delivery is a message, possibly followed by the conversation's status.</summary>
    public static bool IsCoherent(NormalizationResult result) => result.Events switch
    {
        [] => MutationChecks.IsCoherent(result),
        [{ Kind: EventKind.Message } message] => message.EventId.Length > 0 && !result.IsRejected && !result.IsIgnored,
        [{ Kind: EventKind.Message } message, { Kind: EventKind.StatusUpdated } status] =>
            message.EventId.Length > 0 && status.EventId.Length > 0 && message.EventId != status.EventId
            && !result.IsRejected && !result.IsIgnored,
        _ => false,
    };
}
