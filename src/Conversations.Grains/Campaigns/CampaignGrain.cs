using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Timeline;
using Orleans.Concurrency;

namespace Conversations.Grains.Campaigns;

/// <summary>
/// A campaign's name and funnel. The counts are not accumulated here: lead grains write idempotent funnel
/// marks in the same transaction as their events, so ingestion never waits on this grain and counts are
/// exact under duplicates and restarts. This grain only reads them.
/// </summary>
/// <remarks>
/// A stateless worker rather than removed: the read holds no state and is idempotent, so any silo answers it
/// with a local activation (no directory lookup, no single activation for a busy campaign to queue on),
/// while the query API and cluster clients, which have no store of their own, keep reading campaigns through
/// <see cref="ICampaignGrain"/>. Campaign-level rules that need state of their own belong in a separate grain.
/// </remarks>
[StatelessWorker]
public sealed class CampaignGrain(ITimelineStore timeline) : Grain, ICampaignGrain
{
    public async Task<CampaignView?> GetAsync()
    {
        var key = this.GetPrimaryKeyString();
        var funnel = await timeline.ReadCampaignAsync(key);
        if (funnel is null) return null;
        long Count(FunnelStage stage) => funnel.UniqueLeads.GetValueOrDefault(stage);
        return new CampaignView
        {
            CampaignKey = key,
            Provider = CampaignKey.ProviderOf(key) ?? string.Empty,
            Name = funnel.Name,
            Leads = Count(FunnelStage.Lead),
            Funnel = new CampaignFunnelCounts
            {
                Sent = Count(FunnelStage.Sent),
                Opened = Count(FunnelStage.Opened),
                Clicked = Count(FunnelStage.Clicked),
                Replied = Count(FunnelStage.Replied),
                Bounced = Count(FunnelStage.Bounced),
                Unsubscribed = Count(FunnelStage.Unsubscribed),
                PositiveReplies = Count(FunnelStage.PositiveReply),
                NegativeReplies = Count(FunnelStage.NegativeReply),
            },
        };
    }
}
