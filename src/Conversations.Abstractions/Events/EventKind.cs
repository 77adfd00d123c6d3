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
    /// <summary>Written by this service: another lead was merged into this one (<see cref="Channel.System"/>).</summary>
    LeadMerged,
    /// <summary>Written by this service: an operator undid a merge; both leads' timelines say so.</summary>
    LeadUnmerged,
    /// <summary>Written by this service: a merge was not made, because the merged lead would hold implausibly many aliases.</summary>
    MergeRefused,
}
