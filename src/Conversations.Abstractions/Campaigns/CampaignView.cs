namespace Conversations.Abstractions.Campaigns;

/// <summary>A campaign as the query API shows it: funnel counts are distinct leads.</summary>
[GenerateSerializer, Immutable, Alias("conversations.CampaignView")]
public sealed record CampaignView
{
    [Id(0)] public required string CampaignKey { get; init; }
    [Id(1)] public required string Provider { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public required long Leads { get; init; }
    [Id(4)] public required CampaignFunnelCounts Funnel { get; init; }
}
