using System.Text.Json.Serialization;

namespace Conversations.Abstractions.Events;

/// <summary>The medium an event happened on.</summary>
[Alias("conversations.Channel")]
public enum Channel
{
    Email,
    [JsonStringEnumMemberName("linkedin")] LinkedIn,
    Chat,
    [JsonStringEnumMemberName("whatsapp")] WhatsApp,
    Sms,
    Twitter,
    Crm,
    /// <summary>Not a conversation: entries this service writes about the lead itself (merges, unmerges).</summary>
    System,
}
