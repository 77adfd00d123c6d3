namespace Conversations.Abstractions.Campaigns;

/// <summary>How many distinct leads reached each step.</summary>
[GenerateSerializer, Immutable, Alias("conversations.CampaignFunnelCounts")]
public sealed record CampaignFunnelCounts
{
    [Id(0)] public long Sent { get; init; }
    [Id(1)] public long Opened { get; init; }
    [Id(2)] public long Clicked { get; init; }
    [Id(3)] public long Replied { get; init; }
    [Id(4)] public long Bounced { get; init; }
    [Id(5)] public long Unsubscribed { get; init; }
    [Id(6)] public long PositiveReplies { get; init; }
    [Id(7)] public long NegativeReplies { get; init; }
}
