using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;

namespace Conversations.Ingestion.Payloads;

/// <summary>Reads a provider's <c>{ "id": ..., "name": ... }</c> campaign object.</summary>
internal static class CampaignReader
{
    /// <summary>The campaign, or null when there is no object or it has no id.</summary>
    public static CampaignRef? Read(string provider, PayloadObject? campaign) =>
        campaign is { } value && value.Id("id") is { } id
            ? new CampaignRef(CampaignKey.For(provider, id), value.Trimmed("name"))
            : null;
}
