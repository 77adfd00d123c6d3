namespace Conversations.Abstractions.Timeline;

/// <summary>A campaign's name and, per funnel stage, how many distinct leads reached it.</summary>
public sealed record CampaignFunnel(
    string CampaignKey,
    string? Name,
    IReadOnlyDictionary<FunnelStage, long> UniqueLeads);
