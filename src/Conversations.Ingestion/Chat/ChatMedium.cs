using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Chat;

/// <summary>The channel a conversation runs on, from its inbox channel's <c>medium</c>.</summary>
internal static class ChatMedium
{
    public static Channel Read(PayloadObject conversation)
    {
        // The document spells the block "Channel"; a lower-case spelling is accepted as the same block.
        var inbox = conversation.Object("Channel") ?? conversation.Object("channel");
        return inbox?.Trimmed("medium")?.ToUpperInvariant() switch
        {
            "WHATSAPP" => Channel.WhatsApp,
            "SMS" => Channel.Sms,
            _ => Channel.Chat,
        };
    }
}
