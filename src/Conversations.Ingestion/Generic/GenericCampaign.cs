using Conversations.Abstractions;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>Reads an event's optional <c>campaign</c> object; its key is <c>generic:&lt;source&gt;:&lt;campaign id&gt;</c>.</summary>
internal static class GenericCampaign
{
    /// <summary>
    /// The campaign, or null when there is none. Unlike a provider's payload, a campaign object without an id is
    /// rejected: the sender wrote this format for us, so a missing id is a mistake worth telling them about.
    /// </summary>
    public static CampaignRef? Read(PayloadObject? campaign, string source)
    {
        if (campaign is not { } c) return null;
        var id = c.Id("id") ?? throw new InvalidPayloadException($"{c.PathOf("id")} is missing");
        return new CampaignRef(CampaignKey.For(Providers.Generic, $"{source}:{id}"), c.Trimmed("name"));
    }
}
