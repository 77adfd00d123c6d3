using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Chat;

/// <summary>
/// The <c>message</c> of a <c>newMessage</c> delivery: who wrote it, when, its text and its media link.
/// </summary>
internal sealed record ChatMessage(string? MessageId, Direction Direction, ProviderTime Time, string? Text, string? Url)
{
    /// <summary>What identifies the message when it has no id of its own (see <see cref="Read"/>).</summary>
    public required string?[] NaturalKey { get; init; }

    /// <summary>
    /// The time is the sender's <c>lastActivity</c>: sending is the sender's latest activity, and unlike
    /// <c>conversation.lastMessageAt</c> it is not left over from an earlier message. The conversation's
    /// <c>lastMessageAt</c> is used only when the sender has no time.
    /// </summary>
    public static ChatMessage Read(PayloadObject message, PayloadObject conversation, DateTimeOffset receivedAt)
    {
        var sender = message.Object("sender");
        var time = sender?.Time("lastActivity", receivedAt)
            ?? conversation.Time("lastMessageAt", receivedAt)
            ?? throw new InvalidPayloadException("message.sender.lastActivity and conversation.lastMessageAt are both missing");
        var byAgent = sender?.Boolean("authUser") == true;
        var content = message.String("content");
        var contentType = message.Trimmed("contentType")?.ToUpperInvariant();
        var url = MediaUrl(message, contentType);

        // The document shows no message id; externalId (the messaging platform's id, null in its sample) is one
        // when present. Without it, a message is what its sender wrote at that time in that conversation.
        var messageId = message.Id("id") ?? message.Id("externalId");
        return new ChatMessage(
            messageId,
            byAgent ? Direction.Outbound : Direction.Inbound,
            time,
            TextLimits.Truncate(content, TextLimits.MaxText),
            url)
        {
            NaturalKey = messageId is { } id
                ? [id]
                : [byAgent ? "agent" : "customer", sender?.Trimmed("name"), time.Value.UtcTicks.ToString(CultureInfo.InvariantCulture),
                    contentType, content, url],
        };
    }

    /// <summary>The link of the medium the content type names, else the first link present.</summary>
    private static string? MediaUrl(PayloadObject message, string? contentType)
    {
        string?[] links =
        [
            Link(message, "imageUrl"), Link(message, "videoUrl"), Link(message, "documentUrl"), Link(message, "audioUrl"),
        ];
        var named = contentType switch
        {
            "IMAGE" => links[0],
            "VIDEO" => links[1],
            "DOCUMENT" or "FILE" => links[2],
            "AUDIO" or "VOICE" => links[3],
            _ => null,
        };
        return named ?? links.FirstOrDefault(link => link is not null);
    }

    private static string? Link(PayloadObject message, string name) => message.Trimmed(name, TextLimits.MaxUrl);
}
