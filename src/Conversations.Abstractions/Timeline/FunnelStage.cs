namespace Conversations.Abstractions.Timeline;

/// <summary>A step of a campaign's funnel. Each lead counts at most once per stage.</summary>
[Alias("conversations.FunnelStage")]
public enum FunnelStage
{
    /// <summary>The lead appears in the campaign at all.</summary>
    Lead,
    Sent,
    Opened,
    Clicked,
    Replied,
    Bounced,
    Unsubscribed,
    PositiveReply,
    NegativeReply,
}
