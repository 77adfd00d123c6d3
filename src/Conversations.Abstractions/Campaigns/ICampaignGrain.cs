namespace Conversations.Abstractions.Campaigns;

/// <summary>A campaign's name and unique-lead funnel; keyed by <see cref="CampaignKey"/>.</summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>The campaign, or null when no event has named it.</summary>
    Task<CampaignView?> GetAsync();
}
