namespace Conversations.Abstractions.Events;

/// <summary>What happened, independent of the provider that reported it.</summary>
[Alias("conversations.EventKind")]
public enum EventKind
{
    Sent,
    Opened,
    Clicked,
    Replied,
    /// <summary>A provider's verdict on a reply already recorded (for example Salesforge's positive_reply); not a second reply.</summary>
    ReplyClassified,
    Bounced,
    Unsubscribed,
    /// <summary>A message in a conversation (LinkedIn, chat, WhatsApp); <see cref="Direction"/> tells who wrote it.</summary>
    Message,
    StatusUpdated,
    LeadCreated,
    LeadUpdated,
    LeadDeleted,
}
