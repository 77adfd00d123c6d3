namespace Conversations.Abstractions.Campaigns;

/// <summary>A campaign's name and unique-lead funnel; keyed by <see cref="CampaignKey"/>.</summary>
[Alias("conversations.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>The campaign, or null when no event has named it.</summary>
    [Alias("Get")]
    Task<CampaignView?> GetAsync();
}
